package io.crosscheck.screening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.explain.Explanation;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Clock;
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
    private final Clock clock = Clock.systemUTC();

    ScreeningService(ScreeningEvaluator evaluator, KnowledgeBaseService knowledgeBases, ScreeningStore store,
                     ObjectMapper mapper) {
        this.evaluator = evaluator;
        this.knowledgeBases = knowledgeBases;
        this.store = store;
        this.mapper = mapper;
    }

    public ScreeningResult screen(String body) {
        return screen(body, null);
    }

    /** Screens and stores with the caller's Idempotency-Key (null: none); the key is unique per clinic. */
    public ScreeningResult screen(String body, String idempotencyKey) {
        ScreeningRequest request = evaluator.read(body);
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
        entity.kbVersion = version;
        entity.requestJson = json(request);
        entity.resultJson = json(result.withoutExplanation());
        entity.explanationJson = json(result.explanation());
        entity.idempotencyKey = idempotencyKey;
        store.save(entity);
        return result;
    }


    /**
     * The stored result exactly as it was returned when created: with the complete explanation when
     * {@code full}, else with the compact one (the same projection of the stored complete explanation).
     */
    public Optional<ObjectNode> find(UUID id, boolean full) {
        return store.find(id).map(s -> stored(s, full));
    }

    /** The screening an earlier request with this Idempotency-Key created, as it was returned then. */
    public Optional<ObjectNode> findByIdempotencyKey(String key, boolean full) {
        return store.findByIdempotencyKey(key).map(s -> stored(s, full));
    }

    /** A stored screening as the result it was returned as, with the complete or the compact explanation. */
    public ObjectNode stored(Screening s, boolean full) {
        try {
            ObjectNode result = (ObjectNode) mapper.readTree(s.resultJson);
            if (full) {
                result.set("explanation", mapper.readTree(s.explanationJson));
            } else {
                Explanation complete = mapper.readValue(s.explanationJson, Explanation.class);
                result.set("explanation", mapper.valueToTree(complete.compact(ScreeningResult.explanationPath(s.id))));
            }
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
