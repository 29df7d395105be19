package io.crosscheck.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.Json;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs the real rules from {@code rules/} without HTTP or CDI: the same reader, mapper, engine and
 * assembler the service uses. The knowledge base is compiled once per test JVM.
 */
public final class RuleHarness {

    /** The service's JSON configuration (io.crosscheck.common.json.Json). */
    public static final ObjectMapper JSON = Json.newMapper();

    private static KnowledgeBase shipped;

    private final KnowledgeBase kb;
    private final ScreeningEvaluator evaluator = ScreeningEvaluator.standalone(10_000);

    private RuleHarness(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** The knowledge base shipped in this repository's rules/ and kb-docs/. */
    public static synchronized RuleHarness shipped() {
        if (shipped == null) {
            shipped = build(Path.of("rules"), Path.of("kb-docs"));
        }
        return new RuleHarness(shipped);
    }

    public static KnowledgeBase build(Path rules, Path docs) {
        return new KnowledgeBaseBuilder(Clock.systemUTC())
                .build(new KnowledgeSourceReader().fromDirectories(rules, docs));
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public ScreeningResult screen(String requestJson) {
        return evaluator.evaluate(requestJson, kb);
    }
}
