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
        notes(VisitAudit.created(screening), screening);
    }

    /** The audit entry naming which visit notes were recorded or changed (never their text), when any were. */
    private void notes(String detail, Screening screening) {
        if (detail != null) {
            audit.fire(
                    new AuditEvent(AuditEvent.SCREENING_NOTES, screening.id.toString(), screening.kbVersion, detail));
        }
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
        if (amendment.screenedAt == null) {
            // a request without a visit time keeps the visit's as it was
            amendment.screenedAt = original.screened();
        }
        amendment.clinicId = clinic;
        amendment.createdBy = caller.name();
        amendment.persist();
        audit.fire(new AuditEvent(
                AuditEvent.SCREENING_AMEND,
                amendment.id.toString(),
                amendment.kbVersion,
                "amends " + original.id + " (version " + amendment.versionNo + ")"));
        notes(VisitAudit.changed(original, amendment), amendment);
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

    /**
     * Client reference and date (as "ref, yyyy-mm-dd") of those of {@code ids} that are the caller's clinic's
     * screenings: a replay report's examples, shown to a clinician. Audited as one client search naming what
     * asked ({@code subject}) and how many were shown.
     */
    @Transactional
    public java.util.Map<String, String> describe(String subject, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> out = new java.util.HashMap<>();
        Screening.getEntityManager()
                .createQuery(
                        "select s.id, s.clientRef, s.createdAt from Screening s where s.id in ?1 and s.clinicId = ?2",
                        Object[].class)
                .setParameter(1, ids)
                .setParameter(2, clinic())
                .getResultList()
                .forEach(r -> out.put(
                        r[0].toString(),
                        r[1] + ", " + ((java.time.Instant) r[2]).toString().substring(0, 10)));
        audit.fire(new AuditEvent(AuditEvent.CLIENT_SEARCH, subject, null, out.size() + " screening(s) shown"));
        return out;
    }
}
