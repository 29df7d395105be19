package io.crosscheck.authoring.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.authoring.scenario.InputReads.Read;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.input.InputCheck;
import io.crosscheck.engine.input.InputDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests {@link InputCoverage} evaluates, made from a scenario's request: the input read by a rule
 * taken away, or set to a value, keeping the request valid (inputs sent together leave together, a subscore
 * follows its total) and, where the rule reads the input among alternatives, with the other routes taken away.
 */
final class RequestVariants {

    private RequestVariants() {}

    /** Whether the request holds a value of the read input. */
    static boolean holds(JsonNode request, Read read) {
        if (read.input() != null) {
            return request.path(read.input().section()).has(read.input().field());
        }
        for (JsonNode item : items(request, read)) {
            if (read.factType().equals("Symptom") ? item.has(read.property()) : item.has("measurement")) {
                return true;
            }
        }
        return false;
    }

    static List<JsonNode> items(JsonNode request, Read read) {
        List<JsonNode> out = new ArrayList<>();
        String codeMember = InputReads.CODE_MEMBER.get(read.factType());
        for (JsonNode item : request.path(InputReads.LISTS.get(read.factType()))) {
            if (codeMember == null
                    || read.code() == null
                    || read.code().equals(item.path(codeMember).asText())) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * The request with the other routes of a rule that reads the input among alternatives taken away, so that
     * a firing (or not) is the input's doing: the other inputs of the same rule's alternatives, a clinician's
     * rating or sign beside a measured value, a symptom's other numbers compared in the same pattern.
     */
    static JsonNode isolate(JsonNode request, Read read, List<Read> reads) {
        if (!read.alternative()) {
            return request;
        }
        ObjectNode copy = request.deepCopy();
        if (read.input() != null) {
            for (Read other : reads) {
                if (other.rule() == read.rule()
                        && other.alternative()
                        && other.input() != null
                        && other.input() != read.input()
                        && copy.get(other.input().section()) instanceof ObjectNode section) {
                    section.remove(other.input().field());
                }
            }
            return copy;
        }
        for (JsonNode item : items(copy, read)) {
            ObjectNode o = (ObjectNode) item;
            if (read.factType().equals("Symptom")) {
                reads.stream()
                        .filter(other -> other.rule() == read.rule()
                                && other.factType().equals("Symptom")
                                && !other.property().equals(read.property()))
                        .forEach(other -> o.remove(other.property()));
            } else if (o.has("measurement")) {
                o.remove(List.of("result", "present", "substitutions"));
            }
        }
        return copy;
    }

    static JsonNode without(JsonNode request, Read read, KnowledgeBase kb) {
        ObjectNode copy = request.deepCopy();
        if (read.input() != null) {
            // inputs sent together (the two STarT Back scores) leave together
            List<InputDefinition> gone = new ArrayList<>(List.of(read.input()));
            kb.reference().inputs().checks().stream()
                    .filter(c -> c.kind() == InputCheck.Kind.TOGETHER
                            && c.inputs().contains(read.input().code()))
                    .forEach(c -> c.inputs()
                            .forEach(code -> kb.reference().inputs().input(code).ifPresent(gone::add)));
            for (InputDefinition i : gone) {
                if (copy.get(i.section()) instanceof ObjectNode section) {
                    section.remove(i.field());
                    if (section.isEmpty()) {
                        copy.remove(i.section());
                    }
                }
            }
            return copy;
        }
        ArrayNode list = (ArrayNode) copy.get(InputReads.LISTS.get(read.factType()));
        for (int i = list.size() - 1; i >= 0; i--) {
            ObjectNode item = (ObjectNode) list.get(i);
            if (items(copy, read).contains(item)) {
                item.remove(read.factType().equals("Symptom") ? read.property() : "measurement");
                boolean empty = !read.factType().equals("Symptom")
                        && !item.has("result")
                        && !item.has("present")
                        && !item.has("substitutions");
                if (empty) {
                    list.remove(i);
                }
            }
        }
        return copy;
    }

    static JsonNode with(KnowledgeBase kb, JsonNode request, Read read, double v) {
        ObjectNode copy = request.deepCopy();
        boolean whole = read.range() != null && read.range().whole();
        if (read.input() != null) {
            ObjectNode section = (ObjectNode) copy.get(read.input().section());
            if (whole) {
                section.put(read.input().field(), (long) v);
            } else {
                section.put(read.input().field(), v);
            }
            keepNotAbove(kb, copy, read.input(), v);
            return copy;
        }
        for (JsonNode item : items(copy, read)) {
            if (read.factType().equals("Symptom")) {
                ((ObjectNode) item).put(read.property(), (long) v);
            } else if (item.has("measurement")) {
                ((ObjectNode) item.get("measurement")).put("value", v);
            }
        }
        return copy;
    }

    /** An input that may not exceed another stays valid when either is varied: the other follows (sbstPsych <= sbstTotal). */
    private static void keepNotAbove(KnowledgeBase kb, ObjectNode request, InputDefinition varied, double v) {
        for (InputCheck c : kb.reference().inputs().checks()) {
            if (c.kind() != InputCheck.Kind.NOT_ABOVE || !c.inputs().contains(varied.code())) {
                continue;
            }
            InputDefinition lower =
                    kb.reference().inputs().input(c.inputs().get(0)).orElseThrow();
            InputDefinition upper =
                    kb.reference().inputs().input(c.inputs().get(1)).orElseThrow();
            JsonNode low = request.path(lower.section()).path(lower.field());
            JsonNode up = request.path(upper.section()).path(upper.field());
            if (low.isNumber() && up.isNumber() && low.asDouble() > up.asDouble()) {
                if (varied == upper) {
                    ((ObjectNode) request.get(lower.section())).put(lower.field(), (long) v);
                } else if (v <= upper.max()) {
                    ((ObjectNode) request.get(upper.section())).put(upper.field(), (long) v);
                }
            }
        }
    }
}
