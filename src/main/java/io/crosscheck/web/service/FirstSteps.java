package io.crosscheck.web.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a result opens with ({@link ResultView.FirstSteps}): the most important plan items, by the priority the result
 * gives them, and what to ask or test next, taken from the result's own open questions: the red-flag and health
 * questions not asked, the tests that would settle an open pattern (its why-not), and, when nothing is open, the tests
 * not yet done that look for more of a present pattern's findings. Decides nothing clinical of its own.
 */
final class FirstSteps {

    /** How many plan items the summary names. */
    static final int ACTIONS = 3;

    /** How many tests the summary suggests. */
    static final int TESTS = 3;

    private FirstSteps() {}

    static ResultView.FirstSteps of(KnowledgeBase kb, ScreeningResult r, List<ResultView.PlanItem> plan) {
        boolean referral = r.redFlags() != null && r.redFlags().referral();
        List<ResultView.PlanItem> actions = referral ? List.of() : plan.subList(0, Math.min(ACTIONS, plan.size()));
        List<ResultView.Next> next = new ArrayList<>();
        if (r.redFlags() != null
                && r.redFlags().screen() != null
                && r.redFlags().screen().unanswered() != null) {
            for (ScreeningResult.UnansweredDomain d : r.redFlags().screen().unanswered()) {
                next.add(
                        new ResultView.Next(
                                "ask",
                                "Red-flag questions, " + d.label() + ": " + questions(d),
                                referral
                                        ? "not asked: they decide the referral"
                                        : "not asked: unanswered is not “no”, and the plan stays provisional until they are answered"));
            }
        }
        if (referral) {
            return new ResultView.FirstSteps(actions, next);
        }
        if (r.healthScreen() != null
                && r.healthScreen().unanswered() != null
                && !r.healthScreen().unanswered().isEmpty()) {
            next.add(new ResultView.Next(
                    "ask",
                    "Health-screen questions not asked: "
                            + String.join(
                                    ", ",
                                    r.healthScreen().unanswered().stream()
                                            .map(d -> d.label() + " ("
                                                    + d.questions().size() + ")")
                                            .toList()),
                    "listed under Health screen below; the plan items that depend on them are marked"));
        }
        List<ResultView.Next> tests = new ArrayList<>();
        List<ScreeningResult.PatternResult> patterns = r.patterns() == null ? List.of() : r.patterns();
        for (ScreeningResult.PatternResult p : patterns) {
            if (p.missingTests() == null || !"assessed".equals(p.assessment())) {
                continue;
            }
            for (ScreeningResult.TestResult t : p.missingTests()) {
                if (tests.size() < TESTS) {
                    tests.add(new ResultView.Next(
                            "test", t.name(), "would settle the " + p.name() + " pattern (now " + p.status() + ")"));
                }
            }
        }
        if (tests.isEmpty()) {
            tests.addAll(notYetExamined(kb, patterns));
        }
        next.addAll(tests);
        return new ResultView.FirstSteps(actions, next);
    }

    /**
     * Tests not done that look for findings of a pattern already consistent or partial, those that could show the
     * most findings first.
     */
    private static List<ResultView.Next> notYetExamined(
            KnowledgeBase kb, List<ScreeningResult.PatternResult> patterns) {
        record Untested(String test, List<String> findings) {}
        Map<String, Untested> byTest = new LinkedHashMap<>();
        for (ScreeningResult.PatternResult p : patterns) {
            PatternStatus status = p.patternStatus();
            if (status == null || status == PatternStatus.INSUFFICIENT || p.evidenceMissing() == null) {
                continue;
            }
            for (ScreeningResult.AbsentEvidence e : p.evidenceMissing()) {
                if (e.tested() || e.tests() == null || e.tests().isEmpty()) {
                    continue;
                }
                String test = e.tests().get(0);
                byTest.computeIfAbsent(test, k -> new Untested(k, new ArrayList<>()))
                        .findings()
                        .add(e.label());
            }
        }
        return byTest.values().stream()
                .sorted(Comparator.comparingInt((Untested u) -> u.findings().size())
                        .reversed())
                .limit(TESTS)
                .map(u -> new ResultView.Next(
                        "test",
                        kb.reference()
                                .test(u.test())
                                .map(TestDefinition::getName)
                                .orElse(RequestFields.words(u.test())),
                        "not examined yet: could show " + String.join(", ", u.findings())))
                .toList();
    }

    private static String questions(ScreeningResult.UnansweredDomain d) {
        return String.join(
                "; ",
                d.questions().stream().map(ScreeningResult.Question::label).toList());
    }
}
