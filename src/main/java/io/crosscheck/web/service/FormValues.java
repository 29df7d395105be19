package io.crosscheck.web.service;

import static io.crosscheck.web.service.ScreeningForm.BOTH;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The form values that reproduce a stored request, to amend it: the inverse of {@link FormReader}. */
final class FormValues {

    private final Questionnaires questionnaires;

    FormValues(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    /** The form values that reproduce a stored request (to amend it): the inverse of {@link #read}. */
    Map<String, String> values(InputCatalog inputs, JsonNode request) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "clientRef", request.path("clientRef"));
        for (InputDefinition i : inputs.inputs()) {
            JsonNode v = request.path(i.section()).path(i.field());
            if (questionnaires.scores(i)) {
                // scores stored without their items cannot be split back into items: shown as the stored total
                put(f, "score." + i.section() + "." + i.field(), v);
            } else if (i.type() == InputType.YES_NO) {
                yesNo(f, FormLayout.fieldName(i), v);
            } else {
                put(f, FormLayout.fieldName(i), v);
            }
        }
        for (JsonNode a : request.path("redFlags")) {
            f.put("rf." + a.path("code").asText(), a.path("present").asBoolean() ? "yes" : "no");
        }
        int i = 0;
        for (JsonNode s : request.path("symptoms")) {
            final int row = i;
            s.fieldNames().forEachRemaining(k -> put(f, "sy." + row + "." + k, s.path(k)));
            i++;
        }
        for (JsonNode o : request.path("observations")) {
            String base = "obs." + o.path("code").asText();
            if (o.has("present")) {
                f.put(
                        base + ".sign",
                        !o.path("present").asBoolean()
                                ? "absent"
                                : o.hasNonNull("side") ? o.path("side").asText() : "present");
            }
            put(f, base + ".value", o.path("measurement").path("value"));
        }
        for (JsonNode m : request.path("muscleLength")) {
            String base = "ml." + m.path("muscle").asText() + "."
                    + (m.hasNonNull("side") ? m.path("side").asText() : "right");
            put(f, base + ".result", m.path("result"));
            put(f, base + ".value", m.path("measurement").path("value"));
        }
        for (JsonNode m : request.path("movementPatterns")) {
            String base = "mv." + m.path("test").asText() + "."
                    + (m.hasNonNull("side") ? m.path("side").asText() : BOTH);
            put(f, base + ".result", m.path("result"));
            put(f, base + ".value", m.path("measurement").path("value"));
            for (JsonNode s : m.path("substitutions")) {
                f.put(base + ".sub." + s.asText(), "on");
            }
        }
        return f;
    }

    private static void put(Map<String, String> f, String name, JsonNode n) {
        if (!n.isMissingNode() && !n.isNull()) {
            f.put(
                    name,
                    n.isNumber() && n.asDouble() == Math.rint(n.asDouble()) ? Long.toString(n.asLong()) : n.asText());
        }
    }

    private static void yesNo(Map<String, String> f, String name, JsonNode n) {
        if (n.isBoolean()) {
            f.put(name, n.asBoolean() ? "yes" : "no");
        }
    }
}
