package io.crosscheck.screening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.config.WhatIfConfig;
import io.crosscheck.screening.model.WhatIf;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * What would change a stored screening's result: its stored request analysed ({@link WhatIfAnalysis}) on the serving
 * knowledge base. The read of the screening is audited like any other.
 */
@ApplicationScoped
public class WhatIfService {

    private final ScreeningStore store;
    private final KnowledgeBaseService knowledgeBases;
    private final ScreeningEvaluator evaluator;
    private final ObjectMapper mapper;
    private final WhatIfConfig config;

    WhatIfService(
            ScreeningStore store,
            KnowledgeBaseService knowledgeBases,
            ScreeningEvaluator evaluator,
            ObjectMapper mapper,
            WhatIfConfig config) {
        this.store = store;
        this.knowledgeBases = knowledgeBases;
        this.evaluator = evaluator;
        this.mapper = mapper;
        this.config = config;
    }

    public Optional<WhatIf> forScreening(UUID id) {
        return store.find(id).map(s -> {
            ObjectNode request = request(s.request());
            try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
                return new WhatIfAnalysis(evaluator, config.maxVariants())
                        .analyse(s.id.toString(), s.kbVersion, request, lease.knowledgeBase());
            }
        });
    }

    private ObjectNode request(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
