package io.crosscheck.screening.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.engine.input.InputCatalog;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One section of answers in a screening request ({@code "lifestyle": {"sittingHoursPerDay": 7}}): the
 * fields are whatever {@code rules/reference/inputs.yaml} defines for the section, so the request model
 * needs no change when an input is added. Kept as sent; checked against the knowledge base's inputs by
 * {@link io.crosscheck.screening.service.ScreeningRequestReader} and the evaluation.
 */
public final class Answers {

    private final ObjectNode node;
    /** What was sent when it was not a JSON object (reported by the reader as a wrong type); null otherwise. */
    private final JsonNode notAnObject;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Answers(JsonNode sent) {
        this.node = sent instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        this.notAnObject = sent == null || sent.isObject() || sent.isNull() ? null : sent;
    }

    /** Whether the section was sent as something other than a JSON object. */
    public boolean wrongShape() {
        return notAnObject != null;
    }

    /** Answers from field -> value (Boolean, Number or String; null values are left out). */
    public static Answers of(Map<String, ?> values) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        values.forEach((k, v) -> {
            if (v instanceof Boolean b) {
                n.put(k, b);
            } else if (v instanceof Integer i) {
                n.put(k, i);
            } else if (v instanceof Long l) {
                n.put(k, l);
            } else if (v instanceof Number num) {
                n.put(k, num.doubleValue());
            } else if (v != null) {
                n.put(k, v.toString());
            }
        });
        return new Answers(n);
    }

    @JsonValue
    public JsonNode json() {
        return notAnObject != null ? notAnObject.deepCopy() : node.deepCopy();
    }

    /** Field -> value as the input catalog checks it: Boolean, Long, Double, String, null, or {@link InputCatalog#STRUCTURE}. */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), value(e.getValue())));
        return Collections.unmodifiableMap(out);
    }

    /** The value of one field (see {@link #values()}); null when not sent. */
    public Object get(String field) {
        JsonNode v = node.get(field);
        return v == null ? null : value(v);
    }

    public boolean isEmpty() {
        return node.isEmpty();
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        return InputCatalog.STRUCTURE;
    }

    /** Equal when they answer the same fields with the same values (7 and 7.0 are the same number). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Answers a
                && a.comparable().equals(comparable())
                && java.util.Objects.equals(a.notAnObject, notAnObject);
    }

    @Override
    public int hashCode() {
        return comparable().hashCode();
    }

    private Map<String, Object> comparable() {
        Map<String, Object> out = new LinkedHashMap<>();
        values().forEach((k, v) -> {
            if (v != null) {
                out.put(k, v instanceof Number n ? (Object) n.doubleValue() : v);
            }
        });
        return new java.util.TreeMap<>(out);
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
