package io.crosscheck.screening.service;

import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.screening.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored screenings by client: the client list, a client's latest versions (export and erasure: {@link ClientPrivacy}).
 * Every read is limited to the caller's clinic and the reads of a client's data are audited. One screening
 * and its amendment chain are {@link ScreeningStore}'s.
 */
@ApplicationScoped
public class ClientStore {

    private final Caller caller;
    private final Event<AuditEvent> audit;

    ClientStore(Caller caller, Event<AuditEvent> audit) {
        this.caller = caller;
        this.audit = audit;
    }

    /** The caller's clinic; a caller without one (e.g. a token without the clinic claim) sees no client data. */
    public String clinic() {
        return caller.requiredClinicId();
    }

    /** Every screening of one client reference in the caller's clinic, oldest first. */
    @Transactional
    public List<Screening> ofClient(String clientRef) {
        return Screening.<Screening>find("clientRef = ?1 and clinicId = ?2 order by createdAt, id", clientRef, clinic())
                .list();
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

    /**
     * The stored result of a screening of the caller's clinic, in either format (read it with {@link StoredDocuments}),
     * for the summary of rows stored before summaries existed: a screening that holds only those columns.
     */
    @Transactional
    public Screening documents(UUID id) {
        Object[] row = Screening.getEntityManager()
                .createQuery(
                        "select s.responseGz, case when s.responseGz is null then s.resultJson end from Screening s"
                                + " where s.id = :id and s.clinicId = :clinic",
                        Object[].class)
                .setParameter("id", id)
                .setParameter("clinic", clinic())
                .getSingleResult();
        Screening s = new Screening();
        s.id = id;
        s.responseGz = (byte[]) row[0];
        s.resultJson = (String) row[1];
        return s;
    }

    /** Records that a client's data was read (list of screenings, history): the audit entry names the client by a keyed digest. */
    @Transactional
    public void auditClientRead(String action, String clientRef, String detail) {
        audit.fire(new AuditEvent(action, "client:" + clientRef, null, detail));
    }

    private List<ScreeningRow> rows(String where, Map<String, Object> params, String order, int first, int max) {
        return ScreeningRow.select(clinic(), where, params, order, first, max);
    }
}
