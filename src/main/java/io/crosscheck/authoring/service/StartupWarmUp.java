package io.crosscheck.authoring.service;

import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.knowledge.config.PerformanceConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Warms the knowledge base loaded at start-up before the service reports started (and so ready):
 * Drools builds a rule's network memory and the JIT its code on first use, which otherwise the
 * first screenings pay (seconds). Runs the knowledge base's own scenario suite, which fires every
 * rule, through the one evaluation path; a reloaded knowledge base is warmed by its validation.
 * Runs after {@link KnowledgeBaseService} has loaded (higher priority value = later).
 */
@ApplicationScoped
public class StartupWarmUp {
    private static final Logger LOG = Logger.getLogger(StartupWarmUp.class);

    private final KnowledgeBaseService knowledgeBases;
    private final ScenarioSuite suite;
    private final boolean enabled;

    StartupWarmUp(KnowledgeBaseService knowledgeBases, ScenarioSuite suite, PerformanceConfig config) {
        this.knowledgeBases = knowledgeBases;
        this.suite = suite;
        this.enabled = config.warmUp();
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        KnowledgeBase kb = knowledgeBases.current();
        // the run is kept with the knowledge base: the authors' coverage pages read it instead of running it again
        ScenarioSuite.SuiteRun run = suite.runOwnSuite(kb);
        LOG.infof(
                "Knowledge base %s warmed up with its %d scenarios in %d ms (%d failed)",
                kb.version(),
                run.scenarios().size(),
                (System.nanoTime() - started) / 1_000_000,
                run.report().failed().size());
    }
}
