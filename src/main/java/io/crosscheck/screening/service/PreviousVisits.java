package io.crosscheck.screening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.time.ClinicTime;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.FollowUp;
import io.crosscheck.screening.model.HomeProgrammeChoice;
import io.crosscheck.screening.model.ScreeningRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The previous visit a screening compares with: the client's latest earlier screening in the caller's clinic (latest
 * version of its chain), with its outcome scores and the home exercises that went home on its sheet (the clinician's
 * choices). {@link #fill} puts it in the request before the evaluation of a request that records outcome measures or a
 * follow-up, so it is stored with the request and a replay compares with the same visit. A caller without a clinic, or a request without a client reference, is left as sent.
 */
@ApplicationScoped
public class PreviousVisits {

    private static final String LATEST_OF_CLIENT = "from Screening s where s.clientRef = :ref and s.clinicId = :clinic"
            + " and not exists (select n.id from Screening n where n.amendsId = s.id)"
            + " order by coalesce(s.screenedAt, s.createdAt) desc, s.createdAt desc";

    private final Caller caller;
    private final HomeProgrammeEdits sheets;
    private final KnowledgeBaseService knowledgeBases;
    private final ObjectMapper mapper;
    private final ClinicTime time;
    private final StoredDocuments documents;

    PreviousVisits(
            Caller caller,
            HomeProgrammeEdits sheets,
            KnowledgeBaseService knowledgeBases,
            ObjectMapper mapper,
            ClinicTime time,
            StoredDocuments documents) {
        this.caller = caller;
        this.documents = documents;
        this.time = time;
        this.sheets = sheets;
        this.knowledgeBases = knowledgeBases;
        this.mapper = mapper;
    }

    /**
     * The request with the client's previous visit in {@code followUp.previous}.
     *
     * @param amended the screening an amendment corrects (its chain is not a previous visit, and only visits before it
     *     are), or null for a new screening
     * @throws InvalidRequestException 422 when the request sends a previous visit other than the stored one
     */
    @Transactional
    public ScreeningRequest fill(ScreeningRequest request, UUID amended) {
        String clinic = caller.clinicId();
        // a follow-up started from the previous visit names it (followUp.previous), as the form does
        boolean compares = !request.outcomesOrEmpty().isEmpty()
                || (request.followUp() != null
                        && (!request.followUp().itemsOrEmpty().isEmpty()
                                || request.followUp().previous() != null));
        if (request.clientRef() == null || clinic == null || !compares) {
            // nothing to compare: a screening without outcome measures or follow-up is stored as sent
            return request;
        }
        java.time.Instant at = request.visit() == null || request.visit().at() == null
                ? null
                : request.visit().at().toInstant();
        Optional<Screening> found = previous(request.clientRef(), clinic, amended, at);
        FollowUp.PreviousVisit sent =
                request.followUp() == null ? null : request.followUp().previous();
        if (found.isEmpty()) {
            return request;
        }
        Screening p = found.get();
        if (sent != null && !p.id.equals(sent.screeningId())) {
            throw new InvalidRequestException(
                    422,
                    List.of(new FieldError(
                            "/followUp/previous",
                            "the client's previous visit is the stored screening " + p.id
                                    + ": leave previous out, the server fills it in")));
        }
        return request.withPrevious(visit(p));
    }

    /**
     * A stored screening as the previous visit: its id, date, outcome scores and the exercises that went home, and
     * what a result compares since it: each pattern's status, the findings that counted and the values measured.
     */
    private FollowUp.PreviousVisit visit(Screening p) {
        JsonNode result = documents.resultTree(p);
        Map<String, String> patterns = new LinkedHashMap<>();
        Set<FollowUp.FindingSeen> findings = new java.util.LinkedHashSet<>();
        for (JsonNode pattern : result.path("patterns")) {
            patterns.put(pattern.path("code").asText(), pattern.path("status").asText());
            for (JsonNode f : pattern.path("findings")) {
                findings.add(new FollowUp.FindingSeen(
                        f.path("code").asText(),
                        f.hasNonNull("side") ? f.path("side").asText() : null));
            }
        }
        List<FollowUp.Measured> measures;
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            measures = MeasuredValues.of(
                            lease.knowledgeBase().reference().vocabulary(),
                            mapper.readValue(p.request(), ScreeningRequest.class))
                    .stream()
                    .map(v -> new FollowUp.Measured(v.kind(), v.code(), v.side(), v.qualifier(), v.value(), v.unit()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new FollowUp.PreviousVisit(
                p.id, time.date(p.screened()), scores(p), programme(p), patterns, List.copyOf(findings), measures);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The previous visit a new screening of the client would compare with, if the client has one in the clinic. */
    @Transactional
    public Optional<FollowUp.PreviousVisit> latest(String clientRef) {
        String clinic = caller.clinicId();
        if (clientRef == null || clinic == null || !clientRef.matches(ScreeningRequest.CLIENT_REF)) {
            return Optional.empty();
        }
        return previous(clientRef, clinic, null, null).map(this::visit);
    }

    /** The latest visit before {@code at} (null: any) outside the amended chain, and before the amended visit. */
    private Optional<Screening> previous(String clientRef, String clinic, UUID amended, java.time.Instant at) {
        Screening before = amended == null ? null : Screening.<Screening>findById(amended);
        UUID chain = before == null ? null : before.chain();
        return Screening.getEntityManager()
                .createQuery(LATEST_OF_CLIENT, Screening.class)
                .setParameter("ref", clientRef)
                .setParameter("clinic", clinic)
                .getResultStream()
                .filter(s -> chain == null || !chain.equals(s.chain()))
                .filter(s -> before == null || s.screened().isBefore(before.screened()))
                .filter(s -> at == null || s.screened().isBefore(at))
                .findFirst();
    }

    /** The outcome scores of a stored result, by measure. */
    private Map<String, Double> scores(Screening s) {
        Map<String, Double> scores = new LinkedHashMap<>();
        JsonNode outcomes = documents.resultTree(s).path("followUp").path("outcomes");
        outcomes.forEach(
                o -> scores.put(o.path("measure").asText(), o.path("score").asDouble()));
        return scores;
    }

    /** The exercises that went home on the screening's sheet, still home exercises of the serving catalogue. */
    private List<String> programme(Screening s) {
        Set<String> home;
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            home = lease.knowledgeBase().reference().home().exercises().stream()
                    .map(HomeProgramme.Exercise::id)
                    .collect(Collectors.toSet());
        }
        return sheets.current(s.id)
                .map(v -> v.exerciseWithheld()
                        ? List.<String>of()
                        : v.items().stream()
                                .filter(HomeProgrammeChoice.ItemView::include)
                                .map(HomeProgrammeChoice.ItemView::id)
                                .filter(home::contains)
                                .toList())
                .orElse(List.of());
    }
}
