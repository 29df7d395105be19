package io.crosscheck.screening.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.screening.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of one stored screening as the API returns it: one statement for the row (the columns its answer needs, and
 * the id and version of the screening that amends it), the read's audit entry in the same transaction, and the stored
 * bytes sent as they are: compressed when the client accepts it and nothing is added, else decompressed, with an
 * amendment chain's {@code amendment} spliced in without parsing. Rows stored before V103 are rebuilt as they were
 * returned ({@link StoredDocuments}).
 */
@ApplicationScoped
public class ScreeningReads {

    /**
     * The row and what amends it (screening_amends_idx: at most one). The JSON columns of rows stored before V103 and
     * their request (for the visit of such a row) are fetched only for those rows; the complete explanation only when
     * asked for.
     */
    private static final String ROW = "select s.id, s.kbVersion, s.createdAt, s.screenedAt, s.amendsId, s.chainId,"
            + " s.versionNo, s.amendReason, s.responseGz,"
            + " case when s.responseGz is null then s.resultJson end,"
            + " case when s.responseGz is null then s.explanationJson end,"
            + " case when s.responseGz is null then s.requestJson end,"
            + " n.id, n.versionNo%s"
            + " from Screening s left join Screening n on n.amendsId = s.id and n.clinicId = s.clinicId"
            + " where s.id = :id and s.clinicId = :clinic";

    private static final String EXPLANATION = "select s.kbVersion, s.explanationGz,"
            + " case when s.explanationGz is null then s.explanationJson end"
            + " from Screening s where s.id = :id and s.clinicId = :clinic";

    private final ScreeningStore store;
    private final StoredDocuments documents;
    private final Event<AuditEvent> audit;
    private final ObjectMapper mapper;

    ScreeningReads(ScreeningStore store, StoredDocuments documents, Event<AuditEvent> audit, ObjectMapper mapper) {
        this.store = store;
        this.documents = documents;
        this.audit = audit;
        this.mapper = mapper;
    }

    /** A screening's JSON as the API returns it; {@code gzip}: the bytes are compressed (Content-Encoding: gzip). */
    public record Body(UUID id, byte[] json, boolean gzip) {}

    /**
     * The screening {@code id} of the caller's clinic exactly as it was returned when created, with the complete
     * explanation in place of the compact one when {@code full}, and {@code amendment} when it is in an amendment
     * chain. {@code acceptGzip}: the stored compressed bytes may be returned as they are. Empty when not found.
     */
    @Transactional
    public Optional<Body> find(UUID id, boolean full, boolean acceptGzip) {
        List<Object[]> rows = Screening.getEntityManager()
                .createQuery(ROW.formatted(full ? ", s.explanationGz" : ""), Object[].class)
                .setParameter("id", id)
                .setParameter("clinic", store.clinic())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        Screening s = new Screening();
        s.id = (UUID) r[0];
        s.kbVersion = (String) r[1];
        s.createdAt = (Instant) r[2];
        s.screenedAt = (Instant) r[3];
        s.amendsId = (UUID) r[4];
        s.chainId = (UUID) r[5];
        s.versionNo = (Integer) r[6];
        s.amendReason = (String) r[7];
        s.responseGz = (byte[]) r[8];
        s.resultJson = (String) r[9];
        s.explanationJson = (String) r[10];
        s.request((String) r[11]);
        Screening newer = null;
        if (r[12] != null) {
            newer = new Screening();
            newer.id = (UUID) r[12];
            newer.versionNo = (Integer) r[13];
        }
        if (full) {
            s.explanationGz = (byte[]) r[14];
        }
        audit.fire(new AuditEvent(AuditEvent.SCREENING_READ, s.id.toString(), s.kbVersion, null));
        boolean inChain = newer != null || s.amendsId != null;
        if (!full && !inChain && acceptGzip && s.responseGz != null) {
            return Optional.of(new Body(s.id, s.responseGz, true));
        }
        byte[] json = full ? documents.write(documents.response(s, true)) : documents.response(s);
        if (inChain) {
            // only screenings in an amendment chain carry it: others are returned exactly as stored
            json = StoredDocuments.withMember(
                    json, "amendment", documents.write(ScreeningService.amendmentInfo(s, newer)));
        }
        return Optional.of(new Body(s.id, json, false));
    }

    /** The same as a tree, decompressed (for the FHIR Bundle of a screening). */
    public Optional<ObjectNode> tree(UUID id, boolean full) {
        return find(id, full, false).map(b -> {
            try {
                return (ObjectNode) mapper.readTree(b.json());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The complete explanation of a screening of the caller's clinic, as stored (JSON); the read is audited. */
    @Transactional
    public Optional<byte[]> explanation(UUID id) {
        List<Object[]> rows = Screening.getEntityManager()
                .createQuery(EXPLANATION, Object[].class)
                .setParameter("id", id)
                .setParameter("clinic", store.clinic())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        audit.fire(new AuditEvent(AuditEvent.SCREENING_READ, id.toString(), (String) r[0], null));
        Screening s = new Screening();
        s.explanationGz = (byte[]) r[1];
        s.explanationJson = (String) r[2];
        return Optional.of(documents.explanationJson(s));
    }

    /**
     * The screening an earlier request with this Idempotency-Key and the same body created ({@link IdempotentRequests}),
     * as it was returned.
     */
    public Optional<Body> byIdempotencyKey(String key, String body, boolean full) {
        return IdempotentRequests.sameBody(store.findByIdempotencyKey(key), key, body)
                .map(s -> new Body(
                        s.id, full ? documents.write(documents.response(s, true)) : documents.response(s), false));
    }

    /**
     * A stored screening as the result it was returned as, with the complete or the compact explanation, and the visit
     * it records beside it.
     */
    public ObjectNode stored(Screening s, boolean full) {
        return documents.response(s, full);
    }
}
