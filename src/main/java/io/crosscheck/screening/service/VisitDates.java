package io.crosscheck.screening.service;

import io.crosscheck.common.access.Caller;
import io.crosscheck.common.time.ClinicTime;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.Visit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The visit's date and time and the start of care, put in the request before it is evaluated and stored, so a replay
 * reads the same: {@code visit.at} written in the clinic's time zone (left out: now, or for an amendment the visit's time
 * as it was), and {@code visit.inCareSince} the date of the client's first visit in the caller's clinic on an earlier day
 * (latest versions; an amendment's own chain is not an earlier visit). A care start the caller sent is kept (an EHR that
 * knows the episode of care). Nothing else of the request is touched: a screening of a client seen before on the same day
 * (or never) is stored with its time alone.
 */
@ApplicationScoped
public class VisitDates {

    private static final String FIRST_VISIT = "select min(coalesce(s.screenedAt, s.createdAt)) from Screening s"
            + " where s.clientRef = :ref and s.clinicId = :clinic and coalesce(s.chainId, s.id) <> :chain"
            + " and coalesce(s.screenedAt, s.createdAt) < :before"
            + " and not exists (select n.id from Screening n where n.amendsId = s.id)";

    private final Caller caller;
    private final ClinicTime time;
    private final Clock clock = Clock.systemUTC();

    VisitDates(Caller caller, ClinicTime time) {
        this.caller = caller;
        this.time = time;
    }

    /**
     * The request with its visit's time and care start filled in.
     *
     * @param amended the screening an amendment corrects, or null for a new screening
     */
    @Transactional
    public ScreeningRequest fill(ScreeningRequest request, UUID amended) {
        Visit sent = request.visit() == null ? new Visit(null, null, null) : request.visit();
        String clinic = caller.clinicId();
        Screening original = amended == null || clinic == null
                ? null
                : Screening.<Screening>findByIdOptional(amended)
                        .filter(s -> clinic.equals(s.clinicId))
                        .orElse(null);
        Instant at = sent.at() != null
                ? sent.at().toInstant()
                : original != null ? original.screened() : clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime local = at.atZone(time.zone()).toOffsetDateTime();
        LocalDate inCareSince = sent.inCareSince();
        if (inCareSince == null && clinic != null && request.clientRef() != null) {
            inCareSince = firstVisit(
                    request.clientRef(), clinic, original == null ? null : original.chain(), local.toLocalDate());
        }
        return request.withVisit(sent.with(local, inCareSince));
    }

    /**
     * The visit a stored screening records, as a response shows it beside the result: the request's {@code visit}
     * (its time, care start and notes), or for a screening stored before visits were recorded its time alone.
     */
    public com.fasterxml.jackson.databind.node.ObjectNode recorded(Screening s) {
        com.fasterxml.jackson.databind.JsonNode visit;
        try {
            visit = JSON.readTree(s.request()).path("visit");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (visit instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.hasNonNull("at")) {
            return o;
        }
        com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
        o.put("at", s.screened().atZone(time.zone()).toOffsetDateTime().toString());
        return o;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = io.crosscheck.common.json.Json.newMapper();

    /** The date of the client's first visit in the clinic before {@code day}, outside {@code chain}; null: none. */
    private LocalDate firstVisit(String clientRef, String clinic, UUID chain, LocalDate day) {
        Instant first = Screening.getEntityManager()
                .createQuery(FIRST_VISIT, Instant.class)
                .setParameter("ref", clientRef)
                .setParameter("clinic", clinic)
                .setParameter("chain", chain == null ? new UUID(0, 0) : chain)
                .setParameter("before", day.atStartOfDay(time.zone()).toInstant())
                .getSingleResult();
        return first == null ? null : time.date(first);
    }
}
