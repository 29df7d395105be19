package io.crosscheck.web.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.engine.KnowledgeBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The screening form, both ways: {@link #model} lays it out ({@link FormLayout}), {@link #read} turns a
 * post into the JSON request the REST API takes ({@link FormReader}) and {@link #values} turns a stored
 * request back into form values ({@link FormValues}). All three follow the knowledge base's vocabulary and
 * inputs, so a new input in {@code rules/reference/inputs.yaml} appears, is read and is amended without code.
 */
public final class ScreeningForm {

    public static final List<String> SIDES = List.of("right", "left");
    public static final String BOTH = "both";

    /** What {@link #read} produced: the request JSON and, per JSON pointer, the form field behind it. */
    public record Read(ObjectNode request, Map<String, String> fieldOfPointer) {

        /** The API's errors keyed by form field; an error on no known field is kept under "". */
        public Map<String, String> errorsByField(List<FieldError> errors) {
            Map<String, String> out = new LinkedHashMap<>();
            for (FieldError e : errors) {
                String field = fieldOf(e.field());
                out.merge(field, e.message(), (a, b) -> a + "; " + b);
            }
            return out;
        }

        /** The field behind a pointer, or behind its nearest enclosing pointer; "" when none. */
        public String fieldOf(String pointer) {
            String p = pointer == null ? "" : pointer;
            while (!p.isEmpty()) {
                String f = fieldOfPointer.get(p);
                if (f != null) {
                    return f;
                }
                int cut = p.lastIndexOf('/');
                p = cut <= 0 ? "" : p.substring(0, cut);
            }
            return "";
        }
    }

    private final Questionnaires questionnaires;
    private final FormReader reader;
    private final FormValues values;
    private final FormLayout layout;

    public ScreeningForm(ObjectMapper mapper, Questionnaires questionnaires, int symptomRows) {
        this.questionnaires = questionnaires;
        this.reader = new FormReader(mapper, questionnaires, symptomRows);
        this.values = new FormValues(questionnaires);
        this.layout = new FormLayout(questionnaires, symptomRows);
    }

    public Questionnaires questionnaires() {
        return questionnaires;
    }

    /** A posted form as the API's request, with the form field behind each JSON pointer. */
    public Read read(KnowledgeBase kb, Map<String, String> form) {
        return reader.read(kb, form);
    }

    /** The form values that reproduce a stored request (to amend it): the inverse of {@link #read}. */
    public Map<String, String> values(KnowledgeBase kb, JsonNode request) {
        Map<String, String> out = values.values(kb.reference().inputs(), request);
        OutcomeForm.values(kb, request, out);
        return out;
    }

    /** Everything the form template needs, each field with its value, error and threshold hint. */
    public FormModel model(
            KnowledgeBase kb, Map<String, String> values, Map<String, String> errors, Map<String, String> hints) {
        return layout.model(kb, values, errors, hints);
    }
}
