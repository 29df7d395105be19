package io.crosscheck.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.crosscheck.engine.explain.ExplanationNode;

/**
 * The one JSON configuration of Crosscheck. The service's Quarkus-managed {@code ObjectMapper} gets it
 * through {@link JsonCustomizer}; the command-line tools, which run without Quarkus, build their
 * mapper with {@link #newMapper()}. So the API, reload validation, the scenario suite and replay
 * read and write JSON identically.
 */
public final class Json {

    private Json() {}

    /** Applies Crosscheck's settings to a mapper (the modules Quarkus registers are added by {@link #newMapper()}). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        // a misspelt field must not silently drop clinical data
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        // nothing is converted: a number or boolean sent as a string (or the reverse) is a wrong type, not a value
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // a key sent twice is ambiguous clinical data: refused
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // the engine's explanation model carries no Jackson annotations: its optional fields are left out here
        mapper.addMixIn(ExplanationNode.class, NonNull.class);
        // bounds for everything this mapper reads, stored data included (a stored knowledge-base version
        // holds whole rule files as strings); request bodies get the tighter bounds of forRequests
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STORED_STRING_LENGTH)
                        .build());
        return mapper;
    }

    /** Deepest nesting of arrays and objects any JSON may have (a screening request needs 4). */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Longest string in a request body (codes, pseudonyms and notes are far shorter). */
    public static final int MAX_REQUEST_STRING_LENGTH = 4_096;
    /** Nesting limit for request bodies. */
    public static final int MAX_REQUEST_NESTING_DEPTH = 16;

    static final int MAX_STORED_STRING_LENGTH = 2_000_000;

    /**
     * A copy of a configured mapper for reading request bodies: the same settings, with nesting depth
     * and string length limited to what a request can legitimately need, so a hostile body fails fast
     * (400 naming the limit) instead of costing memory and CPU.
     */
    public static ObjectMapper forRequests(ObjectMapper mapper) {
        ObjectMapper copy = mapper.copy();
        copy.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_REQUEST_NESTING_DEPTH)
                        .maxStringLength(MAX_REQUEST_STRING_LENGTH)
                        .build());
        return copy;
    }

    /** A mapper configured as the service's, for code that runs without Quarkus (CLIs, tests, benchmarks). */
    public static ObjectMapper newMapper() {
        return configure(JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .build());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface NonNull {}
}
