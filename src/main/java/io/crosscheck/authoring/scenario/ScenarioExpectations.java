package io.crosscheck.authoring.scenario;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.explain.ExplanationNode;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario's expectations checked against the result it produced: patterns, referral, interventions,
 * explanation entries present and absent, subtypes and precautions, missing tests, the red-flag screen and
 * the plan. Each expectation not met adds one failure, worded for the rule author.
 */
final class ScenarioExpectations {

    private ScenarioExpectations() {}

    /** Adds to {@code failures} every expectation of {@code e} that {@code result} does not meet. */
    static void check(KnowledgeBase kb, Scenario.Expect e, ScreeningResult result, List<String> failures) {
        checkPatterns(e, result, failures);
        checkReferral(e, result, failures);
        checkInterventions(kb, e, result, failures);
        checkExplanation(e, result, failures);
        checkAbsent(e, result, failures);
        checkSubtypesAndPrecautions(e, result, failures);
        checkMissingTests(e, result, failures);
        checkScreenAndPlan(e, result, failures);
        HealthScreenExpectations.check(e, result, failures);
    }

    private static void checkPatterns(Scenario.Expect e, ScreeningResult r, List<String> failures) {
        if (e.patterns() == null) {
            return;
        }
        e.patterns().forEach((code, status) -> {
            Optional<PatternResult> p =
                    r.patterns().stream().filter(x -> x.code().equals(code)).findFirst();
            String actual = p.map(PatternResult::status).orElse("absent");
            if (!actual.equals(status)) {
                failures.add("pattern " + code + ": expected " + status + ", got " + actual
                        + p.map(x -> " (" + x.because() + ")").orElse(""));
            }
        });
    }

    private static void checkReferral(Scenario.Expect e, ScreeningResult r, List<String> failures) {
        if (e.referral() == null) {
            return;
        }
        String actual = r.redFlags().referral() ? r.redFlags().urgency() : "none";
        if (!e.referral().equals(actual)) {
            failures.add("referral: expected " + e.referral() + ", got " + actual);
        }
    }

    private static void checkInterventions(
            KnowledgeBase kb, Scenario.Expect e, ScreeningResult r, List<String> failures) {
        List<String> ids =
                r.interventions().stream().map(InterventionResult::id).toList();
        if (e.interventions() != null) {
            Optional.ofNullable(e.interventions().include()).orElse(List.of()).stream()
                    .filter(id -> !ids.contains(id))
                    .forEach(id -> failures.add("intervention " + id + " expected but not recommended; got " + ids));
            Optional.ofNullable(e.interventions().exclude()).orElse(List.of()).stream()
                    .filter(ids::contains)
                    .forEach(id -> failures.add("intervention " + id + " must not be recommended"));
        }
        if (Boolean.TRUE.equals(e.noExercise())) {
            ids.stream()
                    .filter(id -> kb.reference()
                            .intervention(id)
                            .map(InterventionDefinition::isExercise)
                            .orElse(false))
                    .forEach(id -> failures.add("exercise intervention " + id + " recommended despite expecting none"));
        }
    }

    private static void checkExplanation(Scenario.Expect e, ScreeningResult r, List<String> failures) {
        if (e.explanation() == null) {
            return;
        }
        for (Scenario.ExplanationEntry entry : e.explanation()) {
            boolean found = r.explanation().nodes().stream().anyMatch(n -> matches(entry, n));
            if (!found) {
                failures.add("explanation has no entry " + entry + "; entries by that rule: "
                        + r.explanation().nodes().stream()
                                .filter(n -> n.rule() != null && n.rule().id().equals(entry.rule()))
                                .map(n -> n.statement() + " <- " + n.matched())
                                .toList());
            }
        }
    }

    private static boolean matches(Scenario.ExplanationEntry entry, ExplanationNode n) {
        return n.rule() != null
                && n.rule().id().equals(entry.rule())
                && (entry.concludes() == null || n.statement().contains(entry.concludes()))
                && (entry.matched() == null || n.matched().containsAll(entry.matched()));
    }

    private static void checkAbsent(Scenario.Expect e, ScreeningResult r, List<String> failures) {
        if (e.absent() == null) {
            return;
        }
        for (Scenario.ExplanationEntry entry : e.absent()) {
            r.explanation().nodes().stream()
                    .filter(n -> matches(entry, n))
                    .findFirst()
                    .ifPresent(n -> failures.add("explanation must not contain " + entry + " but has: " + n.because()));
        }
    }

    private static void checkSubtypesAndPrecautions(Scenario.Expect e, ScreeningResult r, List<String> failures) {
        if (e.subtypes() != null) {
            e.subtypes().forEach((pattern, expected) -> {
                List<String> codes = r.patterns().stream()
                        .filter(p -> p.code().equals(pattern))
                        .findFirst()
                        .map(p -> p.subtypes().stream()
                                .map(ScreeningResult.SubtypeResult::code)
                                .toList())
                        .orElse(List.of());
                if (!new java.util.HashSet<>(codes).equals(new java.util.HashSet<>(expected))) {
                    failures.add("pattern " + pattern + ": expected subtypes " + expected + ", got " + codes);
                }
            });
        }
        if (e.precautions() != null) {
            List<String> codes = r.precautions().stream()
                    .map(ScreeningResult.PrecautionResult::code)
                    .toList();
            if (!new java.util.HashSet<>(codes).equals(new java.util.HashSet<>(e.precautions()))) {
                failures.add("precautions: expected " + e.precautions() + ", got " + codes);
            }
        }
    }

    private static void checkScreenAndPlan(Scenario.Expect e, ScreeningResult r, List<String> failures) {
        if (e.redFlagScreen() != null
                && !e.redFlagScreen().equals(r.redFlags().screen().status())) {
            failures.add("red-flag screen: expected " + e.redFlagScreen() + ", got "
                    + r.redFlags().screen().status());
        }
        List<String> unanswered = r.redFlags().screen().unanswered().stream()
                .flatMap(d -> d.questions().stream().map(ScreeningResult.Question::code))
                .toList();
        if (e.unanswered() != null) {
            if (e.unanswered().isEmpty() && !unanswered.isEmpty()) {
                failures.add("expected no unanswered red-flag questions, got " + unanswered);
            }
            e.unanswered().stream()
                    .filter(c -> !unanswered.contains(c))
                    .forEach(c -> failures.add(
                            "expected red-flag question " + c + " to be listed as unanswered; listed " + unanswered));
        }
        if (e.plan() != null && !e.plan().equals(r.summary().plan())) {
            failures.add("plan: expected " + e.plan() + ", got " + r.summary().plan());
        }
        if (e.firstIntervention() != null) {
            String first = r.interventions().isEmpty()
                    ? "nothing"
                    : r.interventions().get(0).id();
            if (!e.firstIntervention().equals(first)) {
                failures.add("plan must start with " + e.firstIntervention() + ", starts with " + first);
            }
        }
        if (e.withheld() != null) {
            List<String> withheld = r.withheld().stream()
                    .map(ScreeningResult.WithheldIntervention::id)
                    .toList();
            List<String> recommended =
                    r.interventions().stream().map(InterventionResult::id).toList();
            e.withheld().stream()
                    .filter(id -> !withheld.contains(id) || recommended.contains(id))
                    .forEach(id -> failures.add("intervention " + id + " expected withheld; withheld " + withheld));
        }
        if (e.notMissingTests() != null) {
            for (Map.Entry<String, List<String>> m : e.notMissingTests().entrySet()) {
                List<String> named = r.patterns().stream()
                        .filter(p -> p.code().equals(m.getKey()))
                        .findFirst()
                        .map(p -> p.missingTests().stream()
                                .map(ScreeningResult.TestResult::code)
                                .toList())
                        .orElse(List.of());
                if (m.getValue().isEmpty() && !named.isEmpty()) {
                    failures.add("pattern " + m.getKey() + ": expected no missing tests, named " + named);
                }
                m.getValue().stream()
                        .filter(named::contains)
                        .forEach(t ->
                                failures.add("pattern " + m.getKey() + ": missing test " + t + " must not be named"));
            }
        }
    }

    private static void checkMissingTests(Scenario.Expect e, ScreeningResult r, List<String> failures) {
        if (e.missingTests() == null) {
            return;
        }
        for (Map.Entry<String, List<String>> m : e.missingTests().entrySet()) {
            List<String> named = r.patterns().stream()
                    .filter(p -> p.code().equals(m.getKey()))
                    .findFirst()
                    .map(p -> p.missingTests().stream()
                            .map(ScreeningResult.TestResult::code)
                            .toList())
                    .orElse(List.of());
            m.getValue().stream()
                    .filter(t -> !named.contains(t))
                    .forEach(t -> failures.add(
                            "pattern " + m.getKey() + ": expected missing test " + t + " to be named; named " + named));
        }
    }
}
