package io.crosscheck.screening.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.PlainTextValidator;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.Visit;
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
    private final StoredDocuments documents;
    private final Clock clock = Clock.systemUTC();

    ScreeningService(
            ScreeningEvaluator evaluator,
            KnowledgeBaseService knowledgeBases,
            ScreeningStore store,
            ObjectMapper mapper,
            PreviousVisits previousVisits,
            VisitDates visitDates,
            StoredDocuments documents) {
        this.evaluator = evaluator;
        this.documents = documents;
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

    /**
     * The same, with the stored screening: its result as the API returns it is {@link #response}, written once
     * ({@link StoredDocuments#store}).
     */
    public Evaluated create(String body, String idempotencyKey) {
        ScreeningRequest request = evaluator.read(body);
        Evaluated e = evaluate(request);
        IdempotentRequests.stamp(e.entity(), idempotencyKey, body);
        Evaluated stored = e.withDocuments(documents);
        store.save(stored.entity());
        return stored;
    }

    /**
     * A new screening's result as the API returns it: the result and, beside it, the visit it records; with the
     * compact explanation the bytes stored ({@link StoredDocuments}), with the complete one written apart.
     */
    public byte[] response(Evaluated e, boolean full) {
        return full
                ? StoredDocuments.withMember(documents.write(e.result()), "visit", documents.write(e.visit()))
                : e.response();
    }

    /**
     * An evaluated screening: its result, the entity to store, the visit the request records and, once its documents
     * are filled ({@link #withDocuments}), the response bytes a new screening returns.
     */
    public record Evaluated(ScreeningResult result, Screening entity, Visit visit, byte[] response) {

        /** With the documents of the entity filled, ready to store. */
        public Evaluated withDocuments(StoredDocuments documents) {
            return response != null
                    ? this
                    : new Evaluated(result, entity, visit, documents.store(entity, result, visit));
        }
    }

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
        entity.request(json(request));
        ScreeningSummary summary = ScreeningSummary.of(result);
        entity.referralUrgency = summary.referral();
        entity.patternStatus = summary.patternColumn();
        return new Evaluated(result, entity, request.visit(), null);
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
    public ScreeningReads.Body amend(UUID id, String body) {
        return amend(id, AmendmentReader.read(mapper, body));
    }

    /**
     * The same with the reason and the corrected request (a screening request as JSON) already apart, as a
     * form sends them: a {@code /reason} blank or over {@value #MAX_REASON} characters is a 422, not plain text a 400.
     */
    public ScreeningReads.Body amend(UUID id, AmendmentRequest amendment) {
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
        Evaluated e = evaluateFilled(previousVisits.fill(visitDates.fill(request, id), id))
                .withDocuments(documents);
        e.entity().amendReason = amendment.reason();
        store.saveAmendment(id, e.entity());
        // the stored response is the one without the amendment, which a read adds from the chain as it then stands
        return new ScreeningReads.Body(
                e.entity().id,
                StoredDocuments.withMember(e.response(), "amendment", documents.write(amendmentInfo(e.entity(), null))),
                false);
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

    /** Where {@code s} stands in its chain; {@code newer}: the version that amends it, null while it is the latest. */
    static AmendmentInfo amendmentInfo(Screening s, Screening newer) {
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

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
