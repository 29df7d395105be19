package io.crosscheck.cdshooks.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.input.InputSection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the answers read from a chart are worth. When the chart was not fully read, an answer of "no" may be older than
 * a "yes" in what was not read, so no "no" is relied on: red-flag and health-screen answers of "no" are set aside (the
 * questions are unanswered, the screens incomplete), while a "yes" stands. And whether the chart holds anything a card
 * could be about at all (anything beyond age and sex). Pure.
 */
final class ChartAnswers {

    private ChartAnswers() {}

    /** Removes every red-flag and health-screen "no" from the request; returns how many. */
    static int distrustNegatives(ObjectNode request, ReferenceData reference) {
        int removed = 0;
        if (request.get("redFlags") instanceof ArrayNode flags) {
            for (int i = flags.size() - 1; i >= 0; i--) {
                if (flags.get(i).path("present").isBoolean()
                        && !flags.get(i).path("present").asBoolean()) {
                    flags.remove(i);
                    removed++;
                }
            }
            if (flags.isEmpty()) {
                request.remove("redFlags");
            }
        }
        for (InputSection s : reference.inputs().sections()) {
            if (s.isHealthScreen() && request.get(s.code()) instanceof ObjectNode section) {
                List<String> no = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isBoolean() && !e.getValue().asBoolean()) {
                        no.add(e.getKey());
                    }
                }
                section.remove(no);
                removed += no.size();
                if (section.isEmpty()) {
                    request.remove(s.code());
                }
            }
        }
        return removed;
    }

    /** Whether any red-flag question was answered. */
    static boolean redFlagsAsked(ObjectNode request) {
        return request.path("redFlags").isArray() && !request.path("redFlags").isEmpty();
    }

    /** Whether the request holds anything beyond the client's age and sex. */
    static boolean relevant(ObjectNode request) {
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("clientRef")
                    && !e.getKey().equals("client")
                    && !e.getValue().isNull()
                    && !(e.getValue().isContainerNode() && e.getValue().isEmpty())) {
                return true;
            }
        }
        return false;
    }
}
