package io.crosscheck.authoring.scenario;

import io.crosscheck.screening.model.ScreeningResult;
import java.util.List;
import java.util.Map;

/**
 * A scenario's expectations of the pre-exercise health screen: its status, the questions listed as
 * unanswered, the considerations concluded, and which plan items are marked as depending on which question.
 */
final class HealthScreenExpectations {

    private HealthScreenExpectations() {}

    static void check(Scenario.Expect e, ScreeningResult r, List<String> failures) {
        ScreeningResult.HealthScreenOutcome h = r.healthScreen();
        if (e.healthScreen() != null && !e.healthScreen().equals(h.status())) {
            failures.add("health screen: expected " + e.healthScreen() + ", got " + h.status());
        }
        List<String> unanswered = h.unanswered().stream()
                .flatMap(d -> d.questions().stream().map(ScreeningResult.Question::code))
                .toList();
        listed("health-screen question", "listed as unanswered", e.healthUnanswered(), unanswered, failures);
        List<String> considerations = h.considerations().stream()
                .map(ScreeningResult.Consideration::code)
                .toList();
        listed("health consideration", "concluded", e.considerations(), considerations, failures);
        if (e.dependsOn() != null) {
            for (Map.Entry<String, List<String>> d : e.dependsOn().entrySet()) {
                List<String> on = r.interventions().stream()
                        .filter(i -> i.id().equals(d.getKey()))
                        .findFirst()
                        .map(i -> i.dependsOn().stream()
                                .map(ScreeningResult.Question::code)
                                .toList())
                        .orElse(null);
                if (on == null) {
                    failures.add("intervention " + d.getKey() + " expected in the plan (to check what it depends on)");
                    continue;
                }
                listed(d.getKey() + " depending on", "marked", d.getValue(), on, failures);
            }
        }
    }

    /** Every expected code must be in {@code actual}; an empty expectation means {@code actual} must be empty. */
    private static void listed(
            String what, String verb, List<String> expected, List<String> actual, List<String> failures) {
        if (expected == null) {
            return;
        }
        if (expected.isEmpty() && !actual.isEmpty()) {
            failures.add("expected no " + what + " " + verb + ", got " + actual);
        }
        expected.stream()
                .filter(c -> !actual.contains(c))
                .forEach(c -> failures.add("expected " + what + " " + c + " to be " + verb + "; got " + actual));
    }
}
