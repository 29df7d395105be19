package io.crosscheck.screening.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputType;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The varied requests of a what-if analysis, made from the screening's request and the reference data, in a fixed
 * order (so a limit cuts the same list on every run): for each test of a pattern's findings, the test recorded
 * abnormal where it was not done, or normal where a recorded finding counts; then each applicable question the
 * red-flag or health screen left unanswered, answered "yes"; then each "yes" a referral may rest on, answered "no".
 * Each variant changes one thing.
 */
final class WhatIfVariants {

    enum Kind {
        UNTESTED,
        RECORDED,
        QUESTION,
        ANSWER
    }

    /**
     * One varied request.
     *
     * @param code    the test, observation or question code
     * @param side    left, right, bilateral, or null
     * @param finding what the variant records ("short", "abnormal", "present", "normal", "absent", "yes", "no")
     * @param screen  red_flags or health, for questions and answers
     * @param domain  the question's domain (red-flag domain or health-screen section)
     */
    record Variant(
            Kind kind,
            String code,
            String label,
            String side,
            String finding,
            String screen,
            String domain,
            Set<String> patterns,
            ObjectNode request) {}

    private final ReferenceData reference;
    private final ObjectNode request;

    WhatIfVariants(ReferenceData reference, ObjectNode request) {
        this.reference = reference;
        this.request = request;
    }

    List<Variant> all(ScreeningResult baseline) {
        List<Variant> out = new ArrayList<>();
        posture(out);
        muscles(out);
        movements(out);
        observedAnswers(out);
        WhatIfQuestions questions = new WhatIfQuestions(reference, request);
        questions.unanswered(baseline, out);
        questions.answered(out);
        return out;
    }

    private void posture(List<Variant> out) {
        for (Vocabulary.PostureCode p : reference.vocabulary().posture()) {
            Set<String> patterns = patternsOfTest(p.code());
            if (patterns.isEmpty()) {
                continue;
            }
            ObjectNode recorded = find("observations", "code", p.code(), null);
            if (recorded == null && p.sign()) {
                ObjectNode item = request.objectNode().put("code", p.code()).put("present", true);
                if (p.sided()) {
                    item.put("side", "bilateral");
                }
                out.add(variant(
                        Kind.UNTESTED,
                        p.code(),
                        p.label(),
                        p.sided() ? "bilateral" : null,
                        "present",
                        patterns,
                        added(request, "observations", item)));
            } else if (recorded != null && (recorded.path("present").asBoolean(false) || recorded.has("measurement"))) {
                ObjectNode copy = request.deepCopy();
                ObjectNode item = find(copy, "observations", "code", p.code(), null);
                if (p.sign()) {
                    item.remove("measurement");
                    item.put("present", false);
                    out.add(variant(Kind.RECORDED, p.code(), p.label(), text(item, "side"), "absent", patterns, copy));
                } else {
                    removeItem(copy, "observations", item);
                    out.add(variant(
                            Kind.RECORDED, p.code(), p.label(), text(item, "side"), "not measured", patterns, copy));
                }
            }
        }
    }

    private void muscles(List<Variant> out) {
        for (Vocabulary.MuscleCode m : reference.vocabulary().muscles()) {
            Set<String> patterns = new LinkedHashSet<>();
            reference.findings().stream()
                    .filter(f -> f.getWeight() > 0 && f.getPattern() != null)
                    .filter(f -> m.code().equals(f.getMuscle())
                            || f.getMuscle() == null && f.getTests().contains(m.test()))
                    .forEach(f -> patterns.add(f.getPattern()));
            if (patterns.isEmpty()) {
                continue;
            }
            String label = reference
                    .vocabulary()
                    .muscleLengthTest(m.test())
                    .map(t -> m.label() + " (" + t.name() + ")")
                    .orElse(m.label());
            for (String side : List.of("right", "left")) {
                ObjectNode recorded = find("muscleLength", "muscle", m.code(), side);
                if (recorded != null && "bilateral".equals(text(recorded, "side")) && side.equals("left")) {
                    continue; // one item for both sides: varied once
                }
                if (recorded == null) {
                    ObjectNode item = request.objectNode()
                            .put("muscle", m.code())
                            .put("side", side)
                            .put("result", "short");
                    out.add(variant(
                            Kind.UNTESTED,
                            m.test(),
                            label,
                            side,
                            "short",
                            patterns,
                            added(request, "muscleLength", item)));
                } else if ("short".equals(text(recorded, "result")) || recorded.has("measurement")) {
                    ObjectNode copy = request.deepCopy();
                    ObjectNode item = find(copy, "muscleLength", "muscle", m.code(), side);
                    item.remove("measurement");
                    item.put("result", "normal");
                    out.add(variant(Kind.RECORDED, m.code(), label, text(item, "side"), "normal", patterns, copy));
                }
            }
        }
    }

    private void movements(List<Variant> out) {
        for (Vocabulary.MovementTestCode t : reference.vocabulary().movementTests()) {
            Set<String> patterns = patternsOfTest(t.code());
            if (patterns.isEmpty()) {
                continue;
            }
            for (String side :
                    t.sided() ? List.of("right", "left") : java.util.Collections.<String>singletonList(null)) {
                ObjectNode recorded = find("movementPatterns", "test", t.code(), side);
                if (recorded == null) {
                    ObjectNode item = request.objectNode().put("test", t.code()).put("result", "abnormal");
                    if (side != null) {
                        item.put("side", side);
                    }
                    out.add(variant(
                            Kind.UNTESTED,
                            t.code(),
                            t.name(),
                            side,
                            "abnormal",
                            patterns,
                            added(request, "movementPatterns", item)));
                } else if ("abnormal".equals(text(recorded, "result"))
                        || !recorded.path("substitutions").isEmpty()
                        || recorded.has("measurement")) {
                    ObjectNode copy = request.deepCopy();
                    ObjectNode item = find(copy, "movementPatterns", "test", t.code(), side);
                    item.remove(List.of("measurement", "substitutions"));
                    item.put("result", "normal");
                    out.add(variant(Kind.RECORDED, t.code(), t.name(), side, "normal", patterns, copy));
                }
            }
        }
    }

    /** Yes/no inputs a finding is made of (the breathing signs): not recorded, as "yes"; recorded "yes", as "no". */
    private void observedAnswers(List<Variant> out) {
        for (FindingDefinition f : reference.findings()) {
            InputDefinition input = f.getInput() == null
                    ? null
                    : reference.inputs().input(f.getInput()).orElse(null);
            if (input == null || input.type() != InputType.YES_NO || f.getPattern() == null || f.getWeight() <= 0) {
                continue;
            }
            JsonNode answer = request.path(input.section()).get(input.field());
            ObjectNode copy = request.deepCopy();
            if (answer == null || answer.isNull()) {
                section(copy, input.section()).put(input.field(), true);
                out.add(variant(Kind.UNTESTED, input.code(), input.label(), null, "yes", Set.of(f.getPattern()), copy));
            } else if (answer.asBoolean(false)) {
                section(copy, input.section()).put(input.field(), false);
                out.add(variant(Kind.RECORDED, input.code(), input.label(), null, "no", Set.of(f.getPattern()), copy));
            }
        }
    }

    private Set<String> patternsOfTest(String test) {
        Set<String> patterns = new LinkedHashSet<>();
        for (FindingDefinition f : reference.findings()) {
            if (f.getTests().contains(test) && f.getPattern() != null && f.getWeight() > 0) {
                patterns.add(f.getPattern());
            }
        }
        return patterns;
    }

    private Variant variant(
            Kind kind, String code, String label, String side, String finding, Set<String> patterns, ObjectNode r) {
        return new Variant(kind, code, label, side, finding, null, null, patterns, r);
    }

    private Variant variant(
            Kind kind,
            String code,
            String label,
            String side,
            String finding,
            String screen,
            String domain,
            ObjectNode r) {
        return new Variant(kind, code, label, side, finding, screen, domain, Set.of(), r);
    }

    static ObjectNode added(ObjectNode request, String list, ObjectNode item) {
        ObjectNode copy = request.deepCopy();
        JsonNode existing = copy.get(list);
        ArrayNode array = existing instanceof ArrayNode a ? a : copy.putArray(list);
        array.add(item);
        return copy;
    }

    private ObjectNode find(String list, String member, String code, String side) {
        return find(request, list, member, code, side);
    }

    /** The item of a list with that code, on that side (a bilateral item stands for both sides; null: any side). */
    static ObjectNode find(ObjectNode request, String list, String member, String code, String side) {
        for (JsonNode item : request.path(list)) {
            if (code.equals(item.path(member).asText())) {
                String itemSide = text(item, "side");
                if (side == null || itemSide == null || itemSide.equals(side) || "bilateral".equals(itemSide)) {
                    return (ObjectNode) item;
                }
            }
        }
        return null;
    }

    private static void removeItem(ObjectNode request, String list, ObjectNode item) {
        ArrayNode array = (ArrayNode) request.get(list);
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == item) {
                array.remove(i);
                return;
            }
        }
    }

    static ObjectNode section(ObjectNode request, String section) {
        return request.get(section) instanceof ObjectNode o ? o : request.putObject(section);
    }

    static String text(JsonNode node, String member) {
        JsonNode v = node.get(member);
        return v == null || v.isNull() ? null : v.asText();
    }
}
