package io.crosscheck.screening.service;

import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.screening.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence of screenings; one transaction per screening, all of it or none, its audit entry
 * included. Every read is limited to the caller's clinic: a screening of another clinic is not found.
 */
@ApplicationScoped
public class ScreeningStore {

    private final Caller caller;
    private final Event<AuditEvent> audit;

    ScreeningStore(Caller caller, Event<AuditEvent> audit) {
        this.caller = caller;
        this.audit = audit;
    }

    /** The caller's clinic; a caller without one (e.g. a token without the clinic claim) sees no client data. */
    public String clinic() {
        String clinic = caller.clinicId();
        if (clinic == null) {
            throw new ForbiddenException("The caller belongs to no clinic");
        }
        return clinic;
    }

    @Transactional
    public void save(Screening screening) {
        screening.clinicId = clinic();
        screening.persist();
        audit.fire(new AuditEvent(AuditEvent.SCREENING_CREATE, screening.id.toString(), screening.kbVersion, null));
    }

    /** A stored screening of the caller's clinic; the read is audited. */
    @Transactional
    public Optional<Screening> find(UUID id) {
        Optional<Screening> found = Screening.<Screening>find("id = ?1 and clinicId = ?2", id, clinic()).firstResultOptional();
        found.ifPresent(s -> audit.fire(new AuditEvent(AuditEvent.SCREENING_READ, s.id.toString(), s.kbVersion, null)));
        return found;
    }

    /** The screening an earlier request with this Idempotency-Key created in the caller's clinic. */
    @Transactional
    public Optional<Screening> findByIdempotencyKey(String key) {
        Optional<Screening> found = Screening.<Screening>find("idempotencyKey = ?1 and clinicId = ?2", key, clinic())
                .firstResultOptional();
        found.ifPresent(s -> audit.fire(new AuditEvent(AuditEvent.SCREENING_READ, s.id.toString(), s.kbVersion, "idempotent retry")));
        return found;
    }

    /** Every screening of one client reference in the caller's clinic, oldest first. */
    @Transactional
    public List<Screening> ofClient(String clientRef) {
        return Screening.<Screening>find("clientRef = ?1 and clinicId = ?2 order by createdAt, id", clientRef, clinic()).list();
    }

    /** Deletes every screening of one client reference in the caller's clinic; returns how many. */
    @Transactional
    public long eraseClient(String clientRef) {
        return Screening.delete("clientRef = ?1 and clinicId = ?2", clientRef, clinic());
    }
}
