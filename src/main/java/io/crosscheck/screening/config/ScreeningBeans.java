package io.crosscheck.screening.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.screening.service.ScreeningRequestReader;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's one {@link ScreeningEvaluator}, on the Quarkus-managed ObjectMapper and Validator. */
public class ScreeningBeans {

    @Produces
    @Singleton
    ScreeningEvaluator screeningEvaluator(ScreeningRequestReader reader, KnowledgeConfig config, ObjectMapper json) {
        return new ScreeningEvaluator(reader, new RuleEngine(config.maxFiringsPerSession()), json);
    }
}
