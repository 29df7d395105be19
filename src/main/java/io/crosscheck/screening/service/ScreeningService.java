package io.crosscheck.screening.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.PlainTextValidator;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.explain.Explanation;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Screens a client: validate, evaluate on the current knowledge base (one session, disposed),
 * assemble the result with its explanation, store it. Nothing is stored for an invalid request.
 */
@ApplicationScoped
public class ScreeningService {

    private final KnowledgeBaseService knowledgeBases;
    private final ScreeningStore store;
    private final ObjectMapper mapper;
    private final ScreeningEvaluator evaluator;
    private final PreviousVisits previousVisits;
    private final VisitDates visitDates;
    private final Clock clock = Clock.systemUTC();

    ScreeningService(
            ScreeningEvaluator evaluator,
            KnowledgeBaseService knowledgeBases,
            ScreeningStore store,
            ObjectMapper mapper,
            PreviousVisits previousVisits,
            VisitDates visitDates) {
        this.evaluator = evaluator;
        this.previousVisits = previousVisits;
        this.visitDates = visitDates;
        this.knowledgeBases = knowledgeBases;
        this.store = store;
        this.mapper = mapper;
    }

    public ScreeningResult screen(String body) {
        return screen(body, null);
    }

    /** Screens and stores with the caller's Idempotency-Key (null: none); the key is unique per clinic. */
    public ScreeningResult screen(String body, String idempotencyKey) {
        return create(body, idempotencyKey).result();
    }

    /** Reads and validates a request body as {@link #screen} would, storing nothing (400/422 naming every bad field). */
    public void validate(String body) {
        evaluator.read(body);
    }

    /** The same, with the stored screening: its result as the API returns it is {@link #response}. */
    public Evaluated create(String body, String idempotencyKey) {
        ScreeningRequest request = evaluator.read(body);
        Evaluated e = evaluate(request);
        IdempotentRequests.stamp(e.entity(), idempotencyKey, body);
        store.save(e.entity());
        return e;
    }

    /** A screening's result as the API returns it: the result and, beside it, the visit it records ({@link VisitDates#recorded}). */
    public ObjectNode response(Evaluated e, boolean full) {
        ObjectNode result = mapper.valueToTree(full ? e.result() : e.result().compact());
        result.set("visit", visitDates.recorded(e.entity()));
        return result;
    }

    public record Evaluated(ScreeningResult result, Screening entity) {}

    /**
     * The one evaluation path: the visit's time and care start ({@link VisitDates}) and the client's previous visit
     * ({@link PreviousVisits}) put in the request, evaluated on the current knowledge base, and the entity to store built.
     */
    Evaluated evaluate(ScreeningRequest request) {
        return evaluateFilled(previousVisits.fill(visitDates.fill(request, null), null));
    }

    private Evaluated evaluateFilled(ScreeningRequest request) {
        ScreeningResult result;
        String version;
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            KnowledgeBase kb = lease.knowledgeBase();
            result = evaluator.evaluate(request, kb).withIdentity(UUID.randomUUID(), clock.instant());
            version = kb.version();
        }
        Screening entity = new Screening();
        entity.id = result.id();
        entity.clientRef = request.clientRef();
        entity.createdAt = result.createdAt();
        entity.screenedAt = request.visit() == null || request.visit().at() == null
                ? null
                : request.visit().at().toInstant();
        entity.kbVersion = version;
        entity.requestJson = json(request);
        entity.resultJson = json(result.withoutExplanation());
        entity.explanationJson = json(result.explanation());
        ScreeningSummary summary = ScreeningSummary.of(result);
        entity.referralUrgency = summary.referral();
        entity.patternStatus = summary.patternColumn();
        return new Evaluated(result, entity);
    }

    /** The amendment of a screening: why, and the corrected request (a complete screening request). */
    public record AmendmentRequest(String reason, String request) {}

    /** Amendment reasons are 1-500 characters. */
    public static final int MAX_REASON = 500;

    /**
     * Amends the screening {@code id} of the caller's clinic: the corrected request is evaluated through the
     * same path as a new screening and stored as the next version of its chain; the original is kept
     * unchanged. Body: {@code {"reason": "...", "request": {...}}}. 400/422 name the bad field (request fields
     * under {@code /request}); 404 when the screening is not found in the clinic; 409 when it is already
     * amended; 422 when the client reference differs. Returns the new version's result with its amendment info.
     */
    public ObjectNode amend(UUID id, String body) {
        return amend(id, AmendmentReader.read(mapper, body));
    }

    /**
     * The same with the reason and the corrected request (a screening request as JSON) already apart, as a
     * form sends them: a {@code /reason} blank or over {@value #MAX_REASON} characters is a 422, not plain text a 400.
     */
    public ObjectNode amend(UUID id, AmendmentRequest amendment) {
        PlainTextValidator.require("/reason", amendment.reason());
        List<FieldError> invalid = new ArrayList<>();
        String reason = amendment.reason();
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            invalid.add(new FieldError(
                    "/reason", "required: why the screening is amended, 1-" + MAX_REASON + " characters"));
        }
        if (amendment.request() == null || amendment.request().isBlank()) {
            invalid.add(new FieldError("/request", "required: the complete corrected screening request"));
        }
        ScreeningRequest request = null;
        int status = 422;
        if (amendment.request() != null && !amendment.request().isBlank()) {
            // read even when the reason is missing: one response names the reason and every bad field of the request
            try {
                request = evaluator.read(amendment.request());
            } catch (InvalidRequestException e) {
                status = e.status();
                e.errors().stream()
                        .map(f -> new FieldError(
                                f.field() != null && f.field().startsWith("/")
                                        ? "/request" + f.field()
                                        : "/request/" + f.field(),
                                f.message(),
                                f.rejectedValue()))
                        .forEach(invalid::add);
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(status, invalid);
        }
        Evaluated e = evaluateFilled(previousVisits.fill(visitDates.fill(request, id), id));
        e.entity().amendReason = amendment.reason();
        store.saveAmendment(id, e.entity());
        ObjectNode result = response(e, false);
        result.set("amendment", mapper.valueToTree(amendmentInfo(e.entity(), null)));
        return result;
    }

    /**
     * Where a screening stands in its amendment chain: its version, what it amends and why, what supersedes
     * it (null while it is the latest), and the chain's id (the first version's).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AmendmentInfo(
            UUID chainId,
            int version,
            boolean latest,
            UUID amends,
            String reason,
            UUID supersededBy,
            Integer supersededByVersion,
            String versions) {}

    private static AmendmentInfo amendmentInfo(Screening s, Screening newer) {
        return new AmendmentInfo(
                s.chain(),
                s.version(),
                newer == null,
                s.amendsId,
                s.amendReason,
                newer == null ? null : newer.id,
                newer == null ? null : newer.version(),
                "/api/v1/screenings/" + s.id + "/versions");
    }

    /** One version of a chain, as {@code GET /api/v1/screenings/{id}/versions} lists it. */
    public record ScreeningVersion(
            UUID id,
            int version,
            Instant createdAt,
            String createdBy,
            String kbVersion,
            UUID amends,
            String reason,
            UUID supersededBy,
            boolean latest) {}

    /** The versions of the chain the screening {@code id} belongs to, first version first; empty when not found in the clinic. */
    public Optional<List<ScreeningVersion>> versions(UUID id) {
        Optional<Screening> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<ScreeningRow> chain = store.chain(found.get().chain());
        List<ScreeningVersion> versions = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            ScreeningRow r = chain.get(i);
            UUID next = i + 1 < chain.size() ? chain.get(i + 1).id() : null;
            versions.add(new ScreeningVersion(
                    r.id(),
                    r.version(),
                    r.createdAt(),
                    r.createdBy(),
                    r.kbVersion(),
                    r.amendsId(),
                    r.amendReason(),
                    next,
                    next == null));
        }
        return Optional.of(versions);
    }

    /**
     * The stored result exactly as it was returned when created: with the complete explanation when
     * {@code full}, else with the compact one (the same projection of the stored complete explanation).
     */
    public Optional<ObjectNode> find(UUID id, boolean full) {
        return store.find(id).map(s -> {
            ObjectNode result = stored(s, full);
            Screening newer = store.supersededBy(s.id).orElse(null);
            if (newer != null || s.amendsId != null) {
                // only screenings in an amendment chain carry it: others are returned exactly as stored
                result.set("amendment", mapper.valueToTree(amendmentInfo(s, newer)));
            }
            return result;
        });
    }

    /** The screening an earlier request with this Idempotency-Key and the same body created ({@link IdempotentRequests}). */
    public Optional<ObjectNode> findByIdempotencyKey(String key, String body, boolean full) {
        return IdempotentRequests.sameBody(store.findByIdempotencyKey(key), key, body)
                .map(s -> stored(s, full));
    }

    /**
     * A stored screening as the result it was returned as, with the complete or the compact explanation, and the visit
     * it records beside it.
     */
    public ObjectNode stored(Screening s, boolean full) {
        try {
            ObjectNode result = (ObjectNode) mapper.readTree(s.resultJson);
            if (full) {
                result.set("explanation", mapper.readTree(s.explanationJson));
            } else {
                Explanation complete = mapper.readValue(s.explanationJson, Explanation.class);
                result.set("explanation", mapper.valueToTree(complete.compact(ScreeningResult.explanationPath(s.id))));
            }
            result.set("visit", visitDates.recorded(s));
            return result;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete explanation of a stored screening, as stored (JSON). */
    public Optional<String> explanation(UUID id) {
        return store.find(id).map(s -> s.explanationJson);
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
