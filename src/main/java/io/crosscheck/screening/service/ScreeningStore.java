package io.crosscheck.screening.service;

import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.screening.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence of screenings; one transaction per screening, all of it or none, its audit entry
 * included. Every read is limited to the caller's clinic: a screening of another clinic is not found.
 * One screening and its amendment chain; the screenings by client are {@link ClientStore}'s.
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
        return caller.requiredClinicId();
    }

    @Transactional
    public void save(Screening screening) {
        screening.clinicId = clinic();
        screening.createdBy = caller.name();
        screening.persist();
        audit.fire(new AuditEvent(AuditEvent.SCREENING_CREATE, screening.id.toString(), screening.kbVersion, null));
    }

    /** A stored screening of the caller's clinic; the read is audited. */
    @Transactional
    public Optional<Screening> find(UUID id) {
        Optional<Screening> found = Screening.<Screening>find("id = ?1 and clinicId = ?2", id, clinic())
                .firstResultOptional();
        found.ifPresent(s -> audit.fire(new AuditEvent(AuditEvent.SCREENING_READ, s.id.toString(), s.kbVersion, null)));
        return found;
    }

    /** The screening an earlier request with this Idempotency-Key created in the caller's clinic. */
    @Transactional
    public Optional<Screening> findByIdempotencyKey(String key) {
        Optional<Screening> found = Screening.<Screening>find("idempotencyKey = ?1 and clinicId = ?2", key, clinic())
                .firstResultOptional();
        found.ifPresent(s -> audit.fire(
                new AuditEvent(AuditEvent.SCREENING_READ, s.id.toString(), s.kbVersion, "idempotent retry")));
        return found;
    }

    /**
     * Stores {@code amendment} as the next version of the screening {@code originalId} of the caller's clinic:
     * the original is locked and left unchanged. 404 when it is not found in the clinic, 409 when it is
     * already superseded (only the latest version is amended), 422 when the client references differ.
     */
    @Transactional
    public void saveAmendment(UUID originalId, Screening amendment) {
        String clinic = clinic();
        Screening original = Screening.<Screening>findByIdOptional(originalId, LockModeType.PESSIMISTIC_WRITE)
                .filter(s -> s.clinicId.equals(clinic))
                .orElseThrow(NotFoundException::new);
        Optional<Screening> newer = supersededBy(originalId);
        if (newer.isPresent()) {
            throw new InvalidRequestException(
                    409,
                    List.of(new FieldError(
                            "id",
                            "version " + original.version() + " is already amended by " + newer.get().id + " (version "
                                    + newer.get().version() + "): amend the latest version",
                            originalId.toString())));
        }
        if (!Objects.equals(original.clientRef, amendment.clientRef)) {
            throw new InvalidRequestException(
                    422,
                    List.of(new FieldError(
                            "/request/clientRef", "must be the client reference of the screening amended")));
        }
        amendment.amendsId = original.id;
        amendment.chainId = original.chain();
        amendment.versionNo = original.version() + 1;
        amendment.screenedAt = original.screened();
        amendment.clinicId = clinic;
        amendment.createdBy = caller.name();
        amendment.persist();
        audit.fire(new AuditEvent(
                AuditEvent.SCREENING_AMEND,
                amendment.id.toString(),
                amendment.kbVersion,
                "amends " + original.id + " (version " + amendment.versionNo + ")"));
    }

    /** The version that amends this screening, if any (same clinic). */
    @Transactional
    public Optional<Screening> supersededBy(UUID id) {
        return Screening.<Screening>find("amendsId = ?1 and clinicId = ?2", id, clinic())
                .firstResultOptional();
    }

    /** Every version of a chain in the caller's clinic, first version first. */
    @Transactional
    public List<ScreeningRow> chain(UUID chainId) {
        return rows(
                "(s.id = :chain or s.chainId = :chain)", Map.of("chain", chainId), "coalesce(s.versionNo, 1)", 0, 1000);
    }

    private List<ScreeningRow> rows(String where, Map<String, Object> params, String order, int first, int max) {
        return ScreeningRow.select(clinic(), where, params, order, first, max);
    }
}
