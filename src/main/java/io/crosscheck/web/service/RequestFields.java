package io.crosscheck.web.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stored screening request as a clinician reads it: one labelled line per thing recorded, with the knowledge base's
 * labels ("Muscle length: iliopsoas (hip flexors), left" → "short, 12 deg"). A repeated entry is keyed by what it is
 * about (a red flag by its code, a muscle by muscle and side), not by its place in the list, so two versions of a
 * screening compare field by field ({@link AmendmentDiff}) and the report lists the measured values and symptoms.
 */
public final class RequestFields {

    /** What a field records: the report groups by it. */
    public enum Group {
        CLIENT,
        RED_FLAG,
        HEALTH,
        SYMPTOM,
        POSTURE,
        MUSCLE_LENGTH,
        MOVEMENT,
        OTHER
    }

    /** One thing recorded: {@code key} identifies it across versions, {@code label} names it, {@code value} says it. */
    public record Field(String key, Group group, String label, String value) {}

    private RequestFields() {}

    /** Every field of a request, in the request's order. */
    public static List<Field> of(KnowledgeBase kb, JsonNode request) {
        List<Field> out = new ArrayList<>();
        if (request == null || !request.isObject()) {
            return out;
        }
        ReferenceData ref = kb.reference();
        Vocabulary v = ref.vocabulary();
        Iterator<Map.Entry<String, JsonNode>> it = request.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode node = e.getValue();
            if (node == null || node.isNull() || (node.isContainerNode() && node.isEmpty())) {
                continue;
            }
            switch (name) {
                case "clientRef", "visit", "notes" -> {
                    // the client (an amendment keeps it), and the visit's time and notes, which the visit-notes
                    // fragment shows in the clinic's time zone: not measured values
                }
                case "redFlags" ->
                    node.forEach(f -> out.add(new Field(
                            "redFlags/" + text(f, "code"),
                            Group.RED_FLAG,
                            "Red flag: "
                                    + ref.redFlag(text(f, "code"))
                                            .map(d -> d.getLabel())
                                            .orElse(words(text(f, "code"))),
                            yesNo(f.get("present")))));
                case "observations" ->
                    node.forEach(o -> {
                        String code = text(o, "code");
                        String label = v.postureCode(code)
                                .map(Vocabulary.PostureCode::label)
                                .orElse(words(code));
                        String side = text(o, "side");
                        out.add(new Field(
                                "observations/" + code + "/" + side,
                                Group.POSTURE,
                                "Posture: " + label + (side == null ? "" : ", " + side),
                                join(
                                        o.has("present") ? (o.get("present").asBoolean() ? "present" : "absent") : null,
                                        measurement(o.get("measurement")))));
                    });
                case "muscleLength" ->
                    node.forEach(m -> {
                        String muscle = text(m, "muscle");
                        String side = text(m, "side");
                        out.add(new Field(
                                "muscleLength/" + muscle + "/" + side,
                                Group.MUSCLE_LENGTH,
                                "Muscle length: "
                                        + v.muscle(muscle)
                                                .map(Vocabulary.MuscleCode::label)
                                                .orElse(words(muscle))
                                        + (side == null ? "" : ", " + side),
                                join(lower(text(m, "result")), measurement(m.get("measurement")))));
                    });
                case "movementPatterns" ->
                    node.forEach(m -> {
                        String test = text(m, "test");
                        String side = text(m, "side");
                        Optional<Vocabulary.MovementTestCode> def = v.movementTest(test);
                        List<String> subs = new ArrayList<>();
                        if (m.has("substitutions")) {
                            m.get("substitutions")
                                    .forEach(s -> subs.add(def.flatMap(d -> d.substitution(s.asText()))
                                            .map(Vocabulary.Code::label)
                                            .orElse(words(s.asText()))));
                        }
                        out.add(new Field(
                                "movementPatterns/" + test + "/" + side,
                                Group.MOVEMENT,
                                def.map(Vocabulary.MovementTestCode::name).orElse(words(test))
                                        + (side == null ? "" : ", " + side),
                                join(
                                        lower(text(m, "result")),
                                        subs.isEmpty() ? null : String.join(", ", subs),
                                        measurement(m.get("measurement")))));
                    });
                case "symptoms" -> {
                    int i = 0;
                    for (JsonNode s : node) {
                        i++;
                        out.add(new Field("symptoms/" + i, Group.SYMPTOM, "Symptom " + i, symptom(v, s)));
                    }
                }
                default -> section(ref, name, node, out);
            }
        }
        return out;
    }

    private static void section(ReferenceData ref, String name, JsonNode node, List<Field> out) {
        if (!node.isObject()) {
            out.add(new Field(name, Group.OTHER, words(name), plain(node)));
            return;
        }
        Optional<InputSection> section = ref.inputs().section(name);
        Group group = name.equals("client")
                ? Group.CLIENT
                : section.map(s -> s.isHealthScreen() ? Group.HEALTH : Group.OTHER)
                        .orElse(Group.OTHER);
        String prefix = section.map(InputSection::label).orElse(words(name));
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) {
                return;
            }
            Optional<InputDefinition> input = ref.inputs().input(name, f.getKey());
            String label = input.map(InputDefinition::label).orElse(words(f.getKey()));
            String value = input.map(d -> value(d, f.getValue())).orElse(plain(f.getValue()));
            out.add(new Field(name + "/" + f.getKey(), group, prefix + ": " + label, value));
        });
    }

    private static String value(InputDefinition d, JsonNode value) {
        if (value.isNumber()) {
            return InputDefinition.plain(value.asDouble()) + (d.unit() == null ? "" : " " + d.unit());
        }
        if (value.isTextual()) {
            return d.option(value.asText()).map(o -> o.label()).orElse(value.asText());
        }
        return plain(value);
    }

    /** "Low back tightness during exercise, Pain now (NRS) 4/10, Duration 10 weeks". */
    private static String symptom(Vocabulary v, JsonNode s) {
        Vocabulary.SymptomCodes codes = v.symptoms();
        String region = label(codes.regions(), text(s, "region"));
        String kind = label(codes.kinds(), text(s, "kind"));
        String trigger = label(codes.triggers(), text(s, "trigger"));
        List<String> parts = new ArrayList<>();
        String what = String.join(
                " ",
                java.util.stream.Stream.of(region, kind == null ? null : kind.toLowerCase(Locale.ROOT), trigger)
                        .filter(x -> x != null)
                        .toList());
        if (!what.isEmpty()) {
            parts.add(what);
        }
        s.fields().forEachRemaining(f -> {
            if (f.getValue().isNumber()) {
                String n = InputDefinition.plain(f.getValue().asDouble());
                parts.add(codes.number(f.getKey())
                        .map(d -> d.label() + " " + n
                                + (d.unit() == null ? "" : d.unit().matches("0-\\d+") ? "/" + d.max() : " " + d.unit()))
                        .orElse(words(f.getKey()) + " " + n));
            }
        });
        return String.join(", ", parts);
    }

    private static String label(List<Vocabulary.Code> codes, String code) {
        return code == null
                ? null
                : Vocabulary.find(codes, code).map(Vocabulary.Code::label).orElse(words(code));
    }

    private static String measurement(JsonNode m) {
        if (m == null || !m.has("value")) {
            return null;
        }
        String unit = text(m, "unit");
        return InputDefinition.plain(m.get("value").asDouble()) + (unit == null ? "" : " " + unit);
    }

    private static String yesNo(JsonNode present) {
        if (present == null || present.isNull()) {
            return "not asked";
        }
        return present.asBoolean() ? "yes" : "no";
    }

    /** A value of no known input, as plain text: yes / no, a number, a list, or its JSON. */
    private static String plain(JsonNode n) {
        if (n == null || n.isNull()) {
            return "not recorded";
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? "yes" : "no";
        }
        if (n.isNumber()) {
            return InputDefinition.plain(n.asDouble());
        }
        if (n.isTextual()) {
            return n.asText();
        }
        return n.toString();
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return present.isEmpty() ? "recorded" : String.join(", ", present);
    }

    private static String text(JsonNode n, String field) {
        JsonNode f = n.get(field);
        return f == null || f.isNull() ? null : f.asText();
    }

    private static String lower(String code) {
        return code == null ? null : code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** {@code sittingHoursPerDay} or {@code low_back} as words: "sitting hours per day", "low back". */
    static String words(String code) {
        if (code == null) {
            return null;
        }
        String spaced =
                code.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
