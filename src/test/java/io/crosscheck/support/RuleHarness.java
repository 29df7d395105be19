package io.crosscheck.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crosscheck.knowledge.KnowledgeBase;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import io.crosscheck.knowledge.service.RuleEvaluator;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.screening.service.ScreeningRequestReader;
import jakarta.validation.Validation;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs the real rules from {@code rules/} without HTTP or CDI: the same reader, mapper, engine and
 * assembler the service uses. The knowledge base is compiled once per test JVM.
 */
public final class RuleHarness {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KnowledgeBase shipped;

    private final KnowledgeBase kb;
    private final ScreeningRequestReader reader = new ScreeningRequestReader(JSON,
            Validation.buildDefaultValidatorFactory().getValidator());
    private final ScreeningEvaluator evaluator = new ScreeningEvaluator(new RuleEvaluator(10_000));

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
        return new KnowledgeBaseBuilder(Clock.systemUTC()).build(new KnowledgeSourceReader().fromDirectories(rules, docs));
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public ScreeningResult screen(String requestJson) {
        ScreeningRequest request = reader.read(requestJson);
        return evaluator.evaluate(request, kb);
    }
}
