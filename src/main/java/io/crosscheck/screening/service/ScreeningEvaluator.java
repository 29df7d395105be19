package io.crosscheck.screening.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.Json;
import io.crosscheck.common.validation.Validators;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.List;

/**
 * The one evaluation path from a request to a result: read and validate the body, check it against
 * the knowledge base's vocabulary, run the rules ({@link RuleEngine}, the only door into Drools),
 * assemble the result. No persistence and no CDI of its own: the service gets its instance from
 * {@code ScreeningBeans}, the command-line tools from {@link #standalone(int)}, and screenings, the
 * scenario suite, reload validation and replay all evaluate through it. Same request and knowledge
 * base give the same result.
 */
public final class ScreeningEvaluator {

    private final ScreeningRequestReader reader;
    /** Engine evaluation time (the rule session alone), in the Micrometer registry served at /q/metrics. */
    private static final io.micrometer.core.instrument.Timer ENGINE_TIME = io.micrometer.core.instrument.Timer.builder(
                    "crosscheck.engine.evaluation")
            .description("Time to run the rules for one screening")
            .register(io.micrometer.core.instrument.Metrics.globalRegistry);

    private final RuleEngine engine;
    private final ObjectMapper json;

    public ScreeningEvaluator(ScreeningRequestReader reader, RuleEngine engine, ObjectMapper json) {
        this.reader = reader;
        this.engine = engine;
        this.json = json;
    }

    /** An evaluator configured as the service's, for code that runs without Quarkus. */
    public static ScreeningEvaluator standalone(int maxFirings) {
        ObjectMapper json = Json.newMapper();
        return new ScreeningEvaluator(
                new ScreeningRequestReader(json, Validators.standalone()), new RuleEngine(maxFirings), json);
    }

    /** Reads and validates a request body (400/422 {@code InvalidRequestException} naming every bad field). */
    public ScreeningRequest read(String body) {
        return reader.read(body);
    }

    public ScreeningResult evaluate(ScreeningRequest request, KnowledgeBase kb) {
        List<InputFact> facts = InputFactMapper.map(request, kb.reference());
        long started = System.nanoTime();
        ProvenanceRecorder recorder = engine.evaluate(kb, facts);
        ENGINE_TIME.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        return ResultAssembler.assemble(request.clientRef(), kb, facts, recorder, request);
    }

    /** Reads, validates and evaluates a request body. */
    public ScreeningResult evaluate(String body, KnowledgeBase kb) {
        return evaluate(read(body), kb);
    }

    /** The JSON configuration the request was read with, for callers that turn data into request bodies. */
    public ObjectMapper json() {
        return json;
    }
}
