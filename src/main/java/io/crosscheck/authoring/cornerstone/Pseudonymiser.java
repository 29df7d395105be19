package io.crosscheck.authoring.cornerstone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.screening.model.Answers;
import io.crosscheck.screening.model.FollowUp;
import io.crosscheck.screening.model.OutcomeAnswer;
import io.crosscheck.screening.model.ScreeningRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A stored screening's request as a cornerstone keeps it: what the rules read, and nothing that could lead back to
 * the client. The client reference becomes {@value #CLIENT_REF}; the previous visit loses its screening id and its
 * date is coarsened to the first of January of its year; the activities a client names for an outcome measure (the
 * only free text of a request) become "activity 1", "activity 2"; an answer that is text must be a code (lower-case
 * letters, digits, underscores), anything else is dropped; an age over {@value #MAX_AGE} is {@value #MAX_AGE}. The
 * knowledge base's conclusion is taken on the pseudonymised request, never on the original.
 */
public final class Pseudonymiser {

    /** The client reference of every cornerstone case: the same for all, a link to none. */
    public static final String CLIENT_REF = "cornerstone";

    /** Ages above this are written as this (ages over 89 identify, HIPAA Safe Harbor 164.514(b)(2)(i)(C)). */
    public static final int MAX_AGE = 90;

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,64}");

    private Pseudonymiser() {}

    /** The pseudonymised copy of {@code request}. */
    public static ScreeningRequest pseudonymise(ScreeningRequest request) {
        Map<String, Answers> others = new LinkedHashMap<>();
        request.otherSections().forEach((section, answers) -> others.put(section, answers(section, answers)));
        return new ScreeningRequest(
                CLIENT_REF,
                answers("client", request.client()),
                request.observations(),
                request.muscleLength(),
                request.movementPatterns(),
                answers("breathing", request.breathing()),
                request.symptoms(),
                answers("lifestyle", request.lifestyle()),
                answers("psychosocial", request.psychosocial()),
                request.redFlags(),
                outcomes(request.outcomes()),
                followUp(request.followUp()),
                others);
    }

    /** The pseudonymised copy of {@code request} as JSON, without the members it leaves null. */
    public static JsonNode json(com.fasterxml.jackson.databind.ObjectMapper json, ScreeningRequest request) {
        return withoutNulls(json.valueToTree(pseudonymise(request)));
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> nulls = new ArrayList<>();
            o.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    withoutNulls(e.getValue());
                }
            });
            o.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(Pseudonymiser::withoutNulls);
        }
        return node;
    }

    /** A year's first day: the only date a cornerstone keeps. */
    public static LocalDate coarsened(LocalDate date) {
        return date == null ? null : LocalDate.of(date.getYear(), 1, 1);
    }

    private static Answers answers(String section, Answers answers) {
        if (answers == null) {
            return null;
        }
        JsonNode sent = answers.json();
        if (!sent.isObject()) {
            return null;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        sent.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isBoolean() || v.isNumber()) {
                kept.set(e.getKey(), v);
            } else if (v.isTextual() && CODE.matcher(v.textValue()).matches()) {
                kept.set(e.getKey(), v);
            }
        });
        if ("client".equals(section)
                && kept.path("age").isNumber()
                && kept.get("age").asDouble() > MAX_AGE) {
            kept.put("age", MAX_AGE);
        }
        return new Answers(kept);
    }

    private static List<OutcomeAnswer> outcomes(List<OutcomeAnswer> outcomes) {
        if (outcomes == null) {
            return null;
        }
        List<OutcomeAnswer> out = new ArrayList<>();
        for (OutcomeAnswer o : outcomes) {
            List<String> activities = null;
            if (o.activities() != null) {
                activities = new ArrayList<>();
                for (int i = 1; i <= o.activities().size(); i++) {
                    activities.add("activity " + i);
                }
            }
            out.add(new OutcomeAnswer(o.measure(), o.items(), activities));
        }
        return out;
    }

    private static FollowUp followUp(FollowUp followUp) {
        if (followUp == null) {
            return null;
        }
        FollowUp.PreviousVisit p = followUp.previous();
        FollowUp.PreviousVisit previous =
                p == null ? null : new FollowUp.PreviousVisit(null, coarsened(p.date()), p.scores(), p.programme());
        return new FollowUp(previous, followUp.items());
    }
}
