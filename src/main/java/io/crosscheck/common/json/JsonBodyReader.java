package io.crosscheck.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.PlainText;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a JSON request body into a Bean-Validation-annotated model, collecting every problem instead
 * of stopping at the first: duplicate keys, values of the wrong type (nothing is converted: a number
 * or boolean sent as a string is refused, see {@link Json#configure}), unknown fields, and in the same
 * response the model's constraints on the rest of the body (a field refused for its type is named once).
 * Fields are named by JSON pointer. 400 when the body is not JSON of the expected shape (or
 * holds text that is not {@link PlainText}), 422 when it is but breaks another constraint. Used for every
 * JSON body Crosscheck reads.
 *
 * @param <T> the request model
 */
public class JsonBodyReader<T> {

    private final ObjectReader reader;
    private final ObjectReader treeReader;
    private final Validator validator;

    public JsonBodyReader(Class<T> type, ObjectMapper serviceMapper, Validator validator) {
        // unknown fields, duplicate keys and coercion are refused by the one JSON configuration (Json.configure);
        // request bodies get its tighter nesting and string-length bounds
        ObjectMapper mapper = Json.forRequests(serviceMapper);
        this.reader = mapper.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        this.treeReader = mapper.reader();
        this.validator = validator;
    }

    public T read(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException(400, List.of(new FieldError("", "request body is required")));
        }
        JsonNode tree;
        JsonParser parser = null;
        try {
            parser = treeReader.createParser(body);
            tree = treeReader.readTree(parser);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            if (e instanceof StreamReadException r
                    && r.getProcessor() != null
                    && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw new InvalidRequestException(
                        400,
                        List.of(new FieldError(
                                duplicatePointer(r.getProcessor(), e.getOriginalMessage()),
                                "field given more than once" + where)));
            }
            if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
                // the limit's exception carries no parser: where the parser stood names the field
                String field = parser != null
                        ? parser.getParsingContext().pathAsPointer().toString()
                        : pointer(e);
                throw new InvalidRequestException(
                        400, List.of(new FieldError(field, "exceeds a limit" + where + ": " + e.getOriginalMessage())));
            }
            throw new InvalidRequestException(
                    400, List.of(new FieldError(pointer(e), "malformed JSON" + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidRequestException(400, List.of(new FieldError("", "unreadable request body")));
        } finally {
            close(parser);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidRequestException(400, List.of(new FieldError("", "request body must be a JSON object")));
        }
        // Jackson refuses every coercion (see strict); it stops at the first, so each refused value is
        // recorded, blanked in the tree and the tree bound again, until every wrong type is named.
        List<FieldError> refused = new ArrayList<>();
        Set<String> refusedFields = new HashSet<>();
        CollectingProblemHandler handler;
        T request;
        while (true) {
            handler = new CollectingProblemHandler();
            try {
                request = reader.withHandler(handler).readValue(tree);
                break;
            } catch (MismatchedInputException e) {
                String field = pointer(e);
                boolean coercion = e instanceof InvalidFormatException
                        || (e.getMessage() != null && e.getMessage().startsWith("Cannot coerce"));
                if (!coercion
                        || field.isEmpty()
                        || !refusedFields.add(field)
                        || !(tree.at(parent(field)) instanceof ObjectNode holder)) {
                    List<FieldError> errors = new ArrayList<>(refused);
                    errors.addAll(handler.errors());
                    errors.add(
                            new FieldError(field, "expected " + CollectingProblemHandler.describe(e.getTargetType())));
                    throw new InvalidRequestException(400, errors);
                }
                Object value = e instanceof InvalidFormatException f
                        ? f.getValue()
                        : tree.at(field).asText();
                refused.add(new FieldError(
                        field,
                        "expected " + CollectingProblemHandler.describe(e.getTargetType()) + " but got "
                                + CollectingProblemHandler.token(tree.at(field).asToken())
                                + " (values are not converted)",
                        value));
                holder.putNull(field.substring(field.lastIndexOf('/') + 1));
            } catch (IOException e) {
                throw new InvalidRequestException(400, List.of(new FieldError("", "unreadable request body")));
            }
        }
        if (request == null) {
            List<FieldError> errors = new ArrayList<>(refused);
            errors.addAll(handler.errors());
            errors.add(new FieldError("", "request body must be a JSON object"));
            throw new InvalidRequestException(400, errors);
        }
        // one response names every bad field: the values refused for their type (bound as absent) are named once,
        // and the rest of the request is still checked, so a second submit does not bring up new problems
        Checked extra = check(request);
        List<FieldError> errors = new ArrayList<>(refused);
        errors.addAll(handler.errors());
        errors.addAll(extra.wrongType());
        List<FieldError> malformed = new ArrayList<>();
        List<FieldError> invalid = new ArrayList<>();
        violations(request, malformed, invalid);
        invalid.addAll(extra.invalid());
        errors.addAll(malformed);
        Set<String> named = new HashSet<>();
        errors.forEach(e -> named.add(e.field() == null ? "" : e.field()));
        named.remove("");
        invalid.stream().filter(e -> !within(e.field(), named)).forEach(errors::add);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            boolean wellFormed = refused.isEmpty()
                    && handler.errors().isEmpty()
                    && extra.wrongType().isEmpty()
                    && malformed.isEmpty();
            throw new InvalidRequestException(wellFormed ? 422 : 400, errors);
        }
        return request;
    }

    /** Problems a subclass finds beyond Jackson's binding and Bean Validation: wrong types (400) and invalid values (422). */
    public record Checked(List<FieldError> wrongType, List<FieldError> invalid) {
        public static final Checked NONE = new Checked(List.of(), List.of());
    }

    /**
     * Checks of the bound value that the model's annotations cannot express (e.g. fields defined by data);
     * reported together with the binding problems and constraint violations. None by default.
     */
    protected Checked check(T value) {
        return Checked.NONE;
    }

    /**
     * Validates a value built from elsewhere than a JSON body (e.g. query parameters) with the same
     * constraints and the same field pointers as {@link #read}.
     *
     * @throws InvalidRequestException 422 naming every bad field
     */
    public T validate(T value) {
        List<FieldError> malformed = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        violations(value, malformed, errors);
        errors.addAll(malformed);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new InvalidRequestException(malformed.isEmpty() ? 422 : 400, errors);
        }
        return value;
    }

    /**
     * The model's constraint violations: text that is not {@link PlainText} into {@code malformed} (a 400, without
     * the refused value), every other into {@code invalid} (a 422).
     */
    private void violations(T value, List<FieldError> malformed, List<FieldError> invalid) {
        for (ConstraintViolation<T> v : validator.validate(value)) {
            if (v.getConstraintDescriptor().getAnnotation() instanceof PlainText) {
                malformed.add(new FieldError(pointer(v.getPropertyPath()), v.getMessage()));
            } else {
                invalid.add(new FieldError(
                        pointer(v.getPropertyPath()),
                        v.getMessage(),
                        v.getInvalidValue() == v.getRootBean() ? null : v.getInvalidValue()));
            }
        }
    }

    /** Whether {@code field} is one of {@code refused} or lies inside one: already named for its type or shape. */
    private static boolean within(String field, Set<String> refused) {
        String f = field == null ? "" : field;
        return refused.stream().anyMatch(r -> f.equals(r) || f.startsWith(r + "/"));
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    /** The pointer of a duplicated key: the enclosing object's path plus the key named in the message. */
    private static String duplicatePointer(JsonParser p, String message) {
        String base = p.getParsingContext().pathAsPointer().toString();
        int open = message.indexOf('\'');
        int close = message.indexOf('\'', open + 1);
        String name = open >= 0 && close > open ? message.substring(open + 1, close) : "";
        if (base.endsWith("/" + name)) {
            return base;
        }
        int slash = base.lastIndexOf('/');
        String parent =
                p.getParsingContext().inObject() && slash >= 0 && !name.isEmpty() ? base.substring(0, slash) : base;
        return parent + "/" + name;
    }

    private static String pointer(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            return m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "/" + r.getFieldName() : "/" + r.getIndex())
                    .reduce("", String::concat);
        }
        return "";
    }

    /** Bean Validation path (symptoms[0].nrs) to JSON pointer (/symptoms/0/nrs). */
    static String pointer(Path path) {
        StringBuilder s = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                s.append('/').append(node.getIndex());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                s.append('/').append(node.getName());
            }
        }
        return s.toString();
    }

    /**
     * Closes the parser: a closed parser hands the field names it learnt back to its factory (the next body's names are
     * found, not interned again) and returns its buffers for reuse.
     */
    private static void close(JsonParser parser) {
        if (parser == null) {
            return;
        }
        try {
            parser.close();
        } catch (IOException e) {
            // a parser over a string holds nothing to release
        }
    }
}
