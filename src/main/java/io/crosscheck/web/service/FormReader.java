package io.crosscheck.web.service;

import static io.crosscheck.web.service.ScreeningForm.BOTH;
import static io.crosscheck.web.service.ScreeningForm.SIDES;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A posted screening form as the API's JSON request, remembering which form field produced which JSON
 * pointer. The answer sections follow the knowledge base's inputs ({@code inputs.yaml}); a field left
 * empty is not sent: an unanswered question stays unanswered, never "no".
 */
final class FormReader {

    private final ObjectMapper mapper;
    private final Questionnaires questionnaires;
    private final int symptomRows;

    FormReader(ObjectMapper mapper, Questionnaires questionnaires, int symptomRows) {
        this.mapper = mapper;
        this.questionnaires = questionnaires;
        this.symptomRows = symptomRows;
    }

    ScreeningForm.Read read(KnowledgeBase kb, Map<String, String> form) {
        Vocabulary v = kb.reference().vocabulary();
        Map<String, String> pointers = new LinkedHashMap<>();
        ObjectNode req = mapper.createObjectNode();
        PostedValues.text(form, "clientRef").ifPresent(s -> {
            req.put("clientRef", s);
            pointers.put("/clientRef", "clientRef");
        });
        InputCatalog inputs = kb.reference().inputs();
        // the client section is always sent (age is required): its own pointer names the age field
        req.putObject("client");
        inputs.inputsOf("client").stream()
                .filter(InputDefinition::required)
                .findFirst()
                .ifPresent(age -> pointers.put("/client", FormLayout.fieldName(age)));

        ArrayNode redFlags = mapper.createArrayNode();
        for (RedFlagDefinition d : kb.reference().redFlags()) {
            String name = "rf." + d.getCode();
            String answer = form.get(name);
            if ("yes".equals(answer) || "no".equals(answer)) {
                ObjectNode a = redFlags.addObject().put("code", d.getCode()).put("present", "yes".equals(answer));
                pointers.put("/redFlags/" + (redFlags.size() - 1), name);
            }
        }
        PostedValues.putIfAny(req, "redFlags", redFlags);

        ArrayNode symptoms = mapper.createArrayNode();
        for (int i = 0; i < symptomRows; i++) {
            String p = "sy." + i + ".";
            if (PostedValues.text(form, p + "region").isEmpty()
                    && PostedValues.text(form, p + "kind").isEmpty()
                    && PostedValues.text(form, p + "nrs").isEmpty()) {
                continue;
            }
            ObjectNode s = symptoms.addObject();
            String ptr = "/symptoms/" + (symptoms.size() - 1);
            pointers.put(ptr, p + "region");
            for (String f : List.of("region", "kind", "trigger")) {
                String name = p + f;
                // named even when left empty: "a symptom needs its kind" belongs beside the kind
                pointers.put(ptr + "/" + f, name);
                PostedValues.text(form, name).ifPresent(t -> s.put(f, t));
            }
            for (String f : v.symptoms().numbers().stream()
                    .map(Vocabulary.SymptomNumber::field)
                    .toList()) {
                PostedValues.number(form, p + f, s, f, ptr + "/" + f, pointers);
            }
        }
        PostedValues.putIfAny(req, "symptoms", symptoms);

        for (InputSection section : inputs.sections()) {
            if (!section.code().equals("breathing")) {
                answers(req, inputs, section, form, pointers);
            }
        }

        ArrayNode observations = mapper.createArrayNode();
        for (Vocabulary.PostureCode p : v.posture()) {
            String base = "obs." + p.code();
            String sign = PostedValues.text(form, base + ".sign").orElse(null);
            String value = PostedValues.text(form, base + ".value").orElse(null);
            if (sign == null && value == null) {
                continue;
            }
            ObjectNode o = observations.addObject().put("code", p.code());
            String ptr = "/observations/" + (observations.size() - 1);
            pointers.put(ptr, base + (sign != null ? ".sign" : ".value"));
            if (sign != null) {
                pointers.put(ptr + "/present", base + ".sign");
                pointers.put(ptr + "/side", base + ".sign");
                switch (sign) {
                    case "absent" -> o.put("present", false);
                    case "present" -> o.put("present", true);
                    default -> o.put("present", true).put("side", sign);
                }
            }
            if (value != null && p.measurement() != null) {
                measurement(o, value, p.measurement().unit(), ptr, base + ".value", pointers);
            }
        }
        PostedValues.putIfAny(req, "observations", observations);

        ArrayNode muscleLength = mapper.createArrayNode();
        for (Vocabulary.MuscleCode m : v.muscles()) {
            for (String side : SIDES) {
                String base = "ml." + m.code() + "." + side;
                String result = PostedValues.text(form, base + ".result").orElse(null);
                String value = PostedValues.text(form, base + ".value").orElse(null);
                if (result == null && value == null) {
                    continue;
                }
                ObjectNode o = muscleLength.addObject().put("muscle", m.code()).put("side", side);
                String ptr = "/muscleLength/" + (muscleLength.size() - 1);
                pointers.put(ptr, base + (result != null ? ".result" : ".value"));
                if (result != null) {
                    o.put("result", result);
                    pointers.put(ptr + "/result", base + ".result");
                }
                if (value != null && m.measurement() != null) {
                    measurement(o, value, m.measurement().unit(), ptr, base + ".value", pointers);
                }
            }
        }
        PostedValues.putIfAny(req, "muscleLength", muscleLength);

        ArrayNode movements = mapper.createArrayNode();
        for (Vocabulary.MovementTestCode t : v.movementTests()) {
            for (String side : t.sided() ? SIDES : List.of(BOTH)) {
                String base = "mv." + t.code() + "." + side;
                String result = PostedValues.text(form, base + ".result").orElse(null);
                String value = PostedValues.text(form, base + ".value").orElse(null);
                List<String> subs = t.substitutions().stream()
                        .map(Vocabulary.Code::code)
                        .filter(c -> PostedValues.isChecked(form.get(base + ".sub." + c)))
                        .toList();
                if (result == null && value == null && subs.isEmpty()) {
                    continue;
                }
                ObjectNode o = movements.addObject().put("test", t.code());
                String ptr = "/movementPatterns/" + (movements.size() - 1);
                pointers.put(ptr, base + ".result");
                if (!BOTH.equals(side)) {
                    o.put("side", side);
                }
                if (result != null) {
                    o.put("result", result);
                    pointers.put(ptr + "/result", base + ".result");
                } else if (!subs.isEmpty()) {
                    // a substitution seen is an abnormal test; the clinician need not tick both
                    o.put("result", "abnormal");
                }
                if (!subs.isEmpty()) {
                    ArrayNode a = o.putArray("substitutions");
                    for (int i = 0; i < subs.size(); i++) {
                        a.add(subs.get(i));
                        pointers.put(ptr + "/substitutions/" + i, base + ".sub." + subs.get(i));
                    }
                }
                if (value != null && t.measurement() != null) {
                    measurement(o, value, t.measurement().unit(), ptr, base + ".value", pointers);
                }
            }
        }
        PostedValues.putIfAny(req, "movementPatterns", movements);

        inputs.section("breathing").ifPresent(s -> answers(req, inputs, s, form, pointers));
        OutcomeForm.read(kb, form, req, pointers);
        return new ScreeningForm.Read(req, pointers);
    }

    /**
     * One answer section: each input's field as its type reads (yes/no, number, choice), the scores of the
     * section's questionnaires; sent only when something was answered (the client section always is).
     */
    private void answers(
            ObjectNode req,
            InputCatalog inputs,
            InputSection section,
            Map<String, String> form,
            Map<String, String> pointers) {
        ObjectNode into = req.has(section.code()) ? (ObjectNode) req.get(section.code()) : mapper.createObjectNode();
        for (InputDefinition i : inputs.inputsOf(section.code())) {
            if (questionnaires.scores(i) || !followUpAsked(inputs, i, form)) {
                continue;
            }
            String name = FormLayout.fieldName(i);
            switch (i.type()) {
                case YES_NO -> PostedValues.yesNo(form, name, into, i.field(), i.pointer(), pointers);
                case INTEGER, NUMBER -> PostedValues.number(form, name, into, i.field(), i.pointer(), pointers);
                case CHOICE ->
                    PostedValues.text(form, name).ifPresent(t -> {
                        into.put(i.field(), t);
                        pointers.put(i.pointer(), name);
                    });
            }
        }
        scores(section.code(), into, form, pointers);
        if (!req.has(section.code())) {
            PostedValues.putIfAny(req, section.code(), into);
        }
    }

    /**
     * Whether a follow-up question ({@code whenYes}, {@code whenAnyYes}) was asked: its parent questions were
     * answered yes in this post. The form hides a follow-up otherwise, so a value left in it (answered, then the
     * parent changed) is not read; a follow-up not answered stays unanswered. Other questions are always read.
     */
    static boolean followUpAsked(InputCatalog inputs, InputDefinition i, Map<String, String> form) {
        java.util.Set<String> yes = i.appliesTo().dependsOn().stream()
                .filter(code -> inputs.input(code)
                        .map(p -> "yes".equals(form.get(FormLayout.fieldName(p))))
                        .orElse(false))
                .collect(java.util.stream.Collectors.toSet());
        return i.appliesTo().followsUpOn(yes);
    }

    private void scores(String section, ObjectNode into, Map<String, String> form, Map<String, String> pointers) {
        for (Questionnaires.Questionnaire q : questionnaires.ofSection(section)) {
            for (Questionnaires.Score s : q.scores()) {
                OptionalInt score = q.score(s, form);
                if (score.isPresent()) {
                    String field = s.target().substring(s.target().indexOf('.') + 1);
                    into.put(field, score.getAsInt());
                    pointers.put(
                            "/" + s.target().replace('.', '/'),
                            q.field(q.itemsOf(s).get(0)));
                }
            }
        }
    }

    private void measurement(
            ObjectNode o, String value, String unit, String ptr, String field, Map<String, String> pointers) {
        ObjectNode m = o.putObject("measurement");
        PostedValues.setNumber(m, "value", value);
        m.put("unit", unit);
        pointers.put(ptr + "/measurement", field);
        pointers.put(ptr + "/measurement/value", field);
    }
}
