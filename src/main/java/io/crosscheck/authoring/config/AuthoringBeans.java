package io.crosscheck.authoring.config;

import io.crosscheck.authoring.replay.config.ReplayConfig;
import io.crosscheck.authoring.replay.service.ReplayEngine;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.authoring.service.KnowledgeBaseValidator;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.screening.service.ScreeningEvaluator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The authoring tools as the service uses them, built on the service's one evaluation path. The
 * command-line tools build the same objects from {@code ScreeningEvaluator.standalone}.
 */
public class AuthoringBeans {

    @Produces
    @Singleton
    ScenarioSuite scenarioSuite(ScreeningEvaluator evaluator) {
        return new ScenarioSuite(evaluator);
    }

    @Produces
    @Singleton
    ReplayEngine replayEngine(ScreeningEvaluator evaluator, ScenarioSuite suite, ReplayConfig config) {
        return new ReplayEngine(evaluator, suite, config.examplesPerChange(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    KnowledgeBaseValidator knowledgeBaseValidator(KnowledgeBaseBuilder builder, ScenarioSuite suite) {
        return new KnowledgeBaseValidator(builder, suite);
    }
}
