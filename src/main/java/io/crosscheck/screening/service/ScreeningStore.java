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
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** Every screening of one client reference in the caller's clinic, oldest first. */
    @Transactional
    public List<Screening> ofClient(String clientRef) {
        return Screening.<Screening>find("clientRef = ?1 and clinicId = ?2 order by createdAt, id", clientRef, clinic())
                .list();
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

    /** One client row of the client list: reference, how many screenings (latest versions), the last visit. */
    public record ClientRow(String clientRef, long screenings, Instant lastScreenedAt) {}

    /**
     * The clients of the caller's clinic whose reference contains {@code q} (any case; empty: all), latest
     * versions counted only, last visit newest first; {@code page} from 0. The read is audited.
     */
    @Transactional
    public List<ClientRow> clients(String q, int page, int size) {
        List<Object[]> rows = Screening.getEntityManager()
                .createQuery(
                        "select s.clientRef, count(s), max(coalesce(s.screenedAt, s.createdAt))"
                                + " from Screening s where " + CLIENT_FILTER + " group by s.clientRef"
                                + " order by max(coalesce(s.screenedAt, s.createdAt)) desc, s.clientRef",
                        Object[].class)
                .setParameter("clinic", clinic())
                .setParameter("q", like(q))
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        List<ClientRow> clients = rows.stream()
                .map(r -> new ClientRow((String) r[0], ((Number) r[1]).longValue(), (Instant) r[2]))
                .toList();
        audit.fire(new AuditEvent(AuditEvent.CLIENT_SEARCH, null, null, clients.size() + " client(s) listed"));
        return clients;
    }

    /** How many clients {@link #clients} pages through. */
    @Transactional
    public long countClients(String q) {
        return Screening.getEntityManager()
                .createQuery("select count(distinct s.clientRef) from Screening s where " + CLIENT_FILTER, Long.class)
                .setParameter("clinic", clinic())
                .setParameter("q", like(q))
                .getSingleResult();
    }

    private static final String LATEST = "not exists (select n.id from Screening n where n.amendsId = s.id)";
    private static final String CLIENT_FILTER = "s.clinicId = :clinic and s.clientRef is not null"
            + " and lower(s.clientRef) like :q escape '!' and " + LATEST;

    private static String like(String q) {
        String escaped = (q == null ? "" : q.toLowerCase(java.util.Locale.ROOT))
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }

    /** The latest versions of the screenings of these clients in the caller's clinic, newest visit first. */
    @Transactional
    public List<ScreeningRow> latestOfClients(Collection<String> clientRefs) {
        if (clientRefs.isEmpty()) {
            return List.of();
        }
        return rows(
                "s.clientRef in :refs and " + LATEST,
                Map.of("refs", clientRefs),
                "coalesce(s.screenedAt, s.createdAt) desc, s.id",
                0,
                100_000);
    }

    /** The latest versions of one client's screenings in the caller's clinic, newest visit first, a page ({@code first}, {@code max}). */
    @Transactional
    public List<ScreeningRow> latestOfClient(String clientRef, int first, int max) {
        return rows(
                "s.clientRef = :ref and " + LATEST,
                Map.of("ref", clientRef),
                "coalesce(s.screenedAt, s.createdAt) desc, s.id",
                first,
                max);
    }

    /** How many screenings (latest versions) one client has in the caller's clinic. */
    @Transactional
    public long countOfClient(String clientRef) {
        return Screening.getEntityManager()
                .createQuery(
                        "select count(s) from Screening s where s.clinicId = :clinic and s.clientRef = :ref and "
                                + LATEST,
                        Long.class)
                .setParameter("clinic", clinic())
                .setParameter("ref", clientRef)
                .getSingleResult();
    }

    /** The latest versions of one client's screenings in the caller's clinic, oldest visit first, with their requests. */
    @Transactional
    public List<Screening> latestOfClientWithRequests(String clientRef) {
        return Screening.<Screening>find(
                        "from Screening s where s.clientRef = ?1 and s.clinicId = ?2 and " + LATEST
                                + " order by coalesce(s.screenedAt, s.createdAt), s.id",
                        clientRef,
                        clinic())
                .list();
    }

    /** The stored result JSON of a screening of the caller's clinic (summary of rows stored before summaries existed). */
    @Transactional
    public String resultJson(UUID id) {
        return Screening.getEntityManager()
                .createQuery(
                        "select s.resultJson from Screening s where s.id = :id and s.clinicId = :clinic", String.class)
                .setParameter("id", id)
                .setParameter("clinic", clinic())
                .getSingleResult();
    }

    /** Records that a client's data was read (list of screenings, history): the audit entry names the client by a keyed digest. */
    @Transactional
    public void auditClientRead(String action, String clientRef, String detail) {
        audit.fire(new AuditEvent(action, "client:" + clientRef, null, detail));
    }

    private List<ScreeningRow> rows(String where, Map<String, Object> params, String order, int first, int max) {
        var query = Screening.getEntityManager()
                .createQuery(
                        "select s.id, s.clientRef, s.createdAt, s.screenedAt, s.kbVersion, s.versionNo,"
                                + " s.amendsId, s.chainId, s.amendReason, s.createdBy, s.referralUrgency, s.patternStatus"
                                + " from Screening s where s.clinicId = :clinic and " + where + " order by " + order,
                        Object[].class);
        query.setParameter("clinic", clinic());
        params.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList().stream()
                .map(r -> new ScreeningRow(
                        (UUID) r[0],
                        (String) r[1],
                        (Instant) r[2],
                        (Instant) r[3],
                        (String) r[4],
                        (Integer) r[5],
                        (UUID) r[6],
                        (UUID) r[7],
                        (String) r[8],
                        (String) r[9],
                        (String) r[10],
                        (String) r[11]))
                .toList();
    }

    /** A stored screening without its JSON documents: identity, chain and summary columns. */
    public record ScreeningRow(
            UUID id,
            String clientRef,
            Instant createdAt,
            Instant screenedAt,
            String kbVersion,
            Integer versionNo,
            UUID amendsId,
            UUID chainId,
            String amendReason,
            String createdBy,
            String referralUrgency,
            String patternStatus) {
        public Instant screened() {
            return screenedAt == null ? createdAt : screenedAt;
        }

        public int version() {
            return versionNo == null ? 1 : versionNo;
        }

        public UUID chain() {
            return chainId == null ? id : chainId;
        }
    }

    /** Deletes every screening of one client reference in the caller's clinic; returns how many. */
    @Transactional
    public long eraseClient(String clientRef) {
        return Screening.delete("clientRef = ?1 and clinicId = ?2", clientRef, clinic());
    }
}
