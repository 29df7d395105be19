package io.crosscheck.archfixtures.droolsentity.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.kie.api.runtime.KieSession;

/** A persistence entity holding a Drools session: forbidden. */
@Entity
public class DecisionRow {
    @Id
    public Long id;

    public transient KieSession session;
}
