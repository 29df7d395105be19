package io.crosscheck.authoring.scenario;

import java.util.List;
import java.util.Set;

/** The outcome of one scenario: failures (empty when it passed) and the rules that fired. */
public record ScenarioOutcome(String file, String title, List<String> failures, Set<String> rulesFired) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
