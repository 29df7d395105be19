package io.crosscheck.screening.service;

import io.crosscheck.screening.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Persistence of screenings; one transaction per screening, all of it or none. */
@ApplicationScoped
public class ScreeningStore {

    @Transactional
    public void save(Screening screening) {
        screening.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Screening> find(UUID id) {
        return Screening.findByIdOptional(id);
    }
}
