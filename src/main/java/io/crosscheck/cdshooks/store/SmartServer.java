package io.crosscheck.cdshooks.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A FHIR base URL an EHR client launches Crosscheck from (SMART launch {@code iss}); one EHR client per URL. */
@Entity
@Table(name = "ehr_smart_server")
public class SmartServer extends PanacheEntityBase {

    @Id
    @Column(name = "fhir_base", length = 1000)
    public String fhirBase;

    @Column(name = "ehr_client", nullable = false, length = 255)
    public String ehrClient;

    public static List<SmartServer> ofClient(String issuer) {
        return list("ehrClient = ?1 order by fhirBase", issuer);
    }
}
