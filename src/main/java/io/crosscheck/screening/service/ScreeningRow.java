package io.crosscheck.screening.service;

import io.crosscheck.screening.Screening;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /**
     * The rows of one clinic's screenings {@code where} (JPQL over {@code s}, with {@code params}), in
     * {@code order}, a page ({@code first}, {@code max}); the caller is in a transaction.
     */
    static List<ScreeningRow> select(
            String clinic, String where, Map<String, Object> params, String order, int first, int max) {
        var query = Screening.getEntityManager()
                .createQuery(
                        "select s.id, s.clientRef, s.createdAt, s.screenedAt, s.kbVersion, s.versionNo,"
                                + " s.amendsId, s.chainId, s.amendReason, s.createdBy, s.referralUrgency, s.patternStatus"
                                + " from Screening s where s.clinicId = :clinic and " + where + " order by " + order,
                        Object[].class);
        query.setParameter("clinic", clinic);
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
}
