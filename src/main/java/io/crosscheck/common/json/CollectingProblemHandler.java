package io.crosscheck.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import io.crosscheck.common.problem.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Records binding problems and carries on, so one response can name every bad field: unknown fields and
 * values of the wrong type, each under its JSON pointer. One per binding of a {@link JsonBodyReader}; also
 * words the types and tokens its messages name.
 */
final class CollectingProblemHandler extends DeserializationProblemHandler {
    private final List<FieldError> errors = new ArrayList<>();

    /** The problems recorded so far, in the order met. */
    List<FieldError> errors() {
        return errors;
    }

    private static String here(DeserializationContext ctxt) {
        return ctxt.getParser().getParsingContext().pathAsPointer().toString();
    }

    @Override
    public boolean handleUnknownProperty(
            DeserializationContext ctxt,
            JsonParser p,
            JsonDeserializer<?> deserializer,
            Object beanOrClass,
            String propertyName)
            throws IOException {
        errors.add(new FieldError(p.getParsingContext().pathAsPointer().toString(), "unknown field"));
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(
            DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg) {
        errors.add(new FieldError(here(ctxt), "expected " + describe(targetType), valueToConvert));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(
            DeserializationContext ctxt, Class<?> targetType, Number valueToConvert, String failureMsg) {
        errors.add(new FieldError(here(ctxt), "expected " + describe(targetType), valueToConvert));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(
            DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg)
            throws IOException {
        errors.add(new FieldError(
                p.getParsingContext().pathAsPointer().toString(),
                "expected " + describe(targetType.getRawClass()) + " but got " + token(t)));
        p.skipChildren();
        return null;
    }

    static String token(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) return "an integer";
        if (type == Double.class || type == double.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (List.class.isAssignableFrom(type)) return "an array";
        return "an object";
    }
}
