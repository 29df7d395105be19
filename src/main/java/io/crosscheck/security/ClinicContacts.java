package io.crosscheck.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads and writes a clinic's contact details (the {@code clinic} row); who may write them is checked by the caller. */
@ApplicationScoped
public class ClinicContacts {

    private final EntityManager em;

    ClinicContacts(EntityManager em) {
        this.em = em;
    }

    /** The clinic's name and contact details, or empty when there is no such clinic. */
    @Transactional
    public Optional<ClinicContact> of(String clinicId) {
        List<?> rows = em.createNativeQuery(
                        "select name, phone, email, address, hours, emergency_number from clinic where id = ?1")
                .setParameter(1, clinicId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new ClinicContact(
                (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]));
    }

    /** Replaces the clinic's contact details (not its name); false when there is no such clinic. */
    @Transactional
    boolean update(String clinicId, ClinicContact c) {
        return em.createNativeQuery("update clinic set phone = ?2, email = ?3, address = ?4, hours = ?5,"
                                + " emergency_number = ?6 where id = ?1")
                        .setParameter(1, clinicId)
                        .setParameter(2, c.phone())
                        .setParameter(3, c.email())
                        .setParameter(4, c.address())
                        .setParameter(5, c.hours())
                        .setParameter(6, c.emergencyNumber())
                        .executeUpdate()
                > 0;
    }
}
