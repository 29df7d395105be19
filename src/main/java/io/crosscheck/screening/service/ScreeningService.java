package io.crosscheck.screening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.knowledge.KnowledgeBase;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.knowledge.service.RuleEvaluator;
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

    private final ScreeningRequestReader reader;
    private final KnowledgeBaseService knowledgeBases;
    private final ScreeningStore store;
    private final ObjectMapper mapper;
    private final ScreeningEvaluator evaluator;
    private final Clock clock = Clock.systemUTC();

    ScreeningService(ScreeningRequestReader reader, KnowledgeBaseService knowledgeBases, ScreeningStore store,
                     ObjectMapper mapper, KnowledgeConfig config) {
        this.reader = reader;
        this.knowledgeBases = knowledgeBases;
        this.store = store;
        this.mapper = mapper;
        this.evaluator = new ScreeningEvaluator(new RuleEvaluator(config.maxFiringsPerSession()));
    }

    public ScreeningResult screen(String body) {
        ScreeningRequest request = reader.read(body);
        ScreeningResult result;
        String version;
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            KnowledgeBase kb = lease.knowledgeBase();
            result = evaluate(request, kb).withIdentity(UUID.randomUUID(), clock.instant());
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
        store.save(entity);
        return result;
    }

    /** Pure evaluation, no persistence: same request and knowledge base give the same result. */
    public ScreeningResult evaluate(ScreeningRequest request, KnowledgeBase kb) {
        return evaluator.evaluate(request, kb);
    }

    /** The stored result, explanation included, exactly as it was returned when created. */
    public Optional<ObjectNode> find(UUID id) {
        return store.find(id).map(s -> {
            try {
                ObjectNode result = (ObjectNode) mapper.readTree(s.resultJson);
                result.set("explanation", mapper.readTree(s.explanationJson));
                return result;
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
