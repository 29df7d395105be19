package io.crosscheck.authoring.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.Yaml;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.RuleInfo;
import io.crosscheck.engine.explain.ExplanationNode;
import io.crosscheck.engine.explain.FiredRule;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * Runs the scenario suite ({@code rules/scenarios/*.yaml}) against a knowledge base, through the
 * same reader, vocabulary check, engine and assembler as the service, and reports failures and
 * rule coverage. Used by the build's tests, the validate command and hot reload.
 */
public final class ScenarioSuite {

    public static final String DIR = KnowledgeSource.RULES + "scenarios/";
    private static final ObjectMapper YAML = Yaml.strictMapper();

    private final ScreeningEvaluator evaluator;
    /** The suite's run of each knowledge base, kept while the knowledge base is (identity, weakly held). */
    private final Map<KnowledgeBase, SuiteRun> runs = Collections.synchronizedMap(new WeakHashMap<>());

    /** A knowledge base's own scenario suite, as read from its source, and their outcomes. */
    public record SuiteRun(List<Scenario> scenarios, List<KnowledgeProblem> loadProblems, ScenarioReport report) {}

    /** @param evaluator the service's evaluation path, so scenarios run exactly what a screening runs */
    public ScenarioSuite(ScreeningEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Reads every scenario of a knowledge source; unreadable files are reported as problems. */
    public static List<Scenario> load(KnowledgeSource source, List<KnowledgeProblem> problems) {
        List<Scenario> scenarios = new ArrayList<>();
        source.files().forEach((path, text) -> {
            if (!path.startsWith(DIR) || !path.endsWith(".yaml")) {
                return;
            }
            try {
                Scenario s = YAML.readValue(text, Scenario.class).withFile(path);
                if (s.request() == null || s.expect() == null || s.expect().isEmpty()) {
                    problems.add(new KnowledgeProblem(
                            path, 1, 1, "a scenario needs a request and at least one expectation"));
                } else {
                    scenarios.add(s);
                }
            } catch (JsonProcessingException e) {
                problems.add(new KnowledgeProblem(
                        path,
                        e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                        e.getLocation() == null ? 1 : e.getLocation().getColumnNr(),
                        e.getOriginalMessage()));
            }
        });
        return scenarios;
    }

    /**
     * The knowledge base's own scenario suite (from its source), run once per knowledge base: start-up
     * warm-up, reload validation and the authors' coverage pages share the one run.
     */
    public SuiteRun runOwnSuite(KnowledgeBase kb) {
        return runs.computeIfAbsent(kb, k -> {
            List<KnowledgeProblem> problems = new ArrayList<>();
            List<Scenario> scenarios = load(k.source(), problems);
            return new SuiteRun(List.copyOf(scenarios), List.copyOf(problems), run(k, scenarios));
        });
    }

    /**
     * Runs every scenario, in parallel (each evaluation has its own session; the knowledge base is
     * shared read-only); the outcomes keep the order of {@code scenarios}.
     */
    public ScenarioReport run(KnowledgeBase kb, List<Scenario> scenarios) {
        List<ScenarioOutcome> outcomes =
                scenarios.parallelStream().map(s -> run(kb, s)).toList();
        Set<String> ids = kb.rules().stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
        return new ScenarioReport(outcomes, ids);
    }

    public ScenarioOutcome run(KnowledgeBase kb, Scenario s) {
        List<String> failures = new ArrayList<>();
        Scenario.Expect e = s.expect();
        ScreeningResult result;
        try {
            result = evaluator.evaluate(evaluator.json().writeValueAsString(s.request()), kb);
        } catch (InvalidRequestException invalid) {
            Set<String> fields =
                    invalid.errors().stream().map(FieldError::field).collect(Collectors.toSet());
            if (e.rejectedFields() == null) {
                failures.add("request was rejected: " + invalid.errors());
            } else {
                e.rejectedFields().stream()
                        .filter(f -> !fields.contains(f))
                        .forEach(f -> failures.add("expected field " + f + " to be rejected; rejected: " + fields));
            }
            return new ScenarioOutcome(s.file(), s.title(), failures, Set.of());
        } catch (JsonProcessingException ex) {
            failures.add("request cannot be serialised: " + ex.getOriginalMessage());
            return new ScenarioOutcome(s.file(), s.title(), failures, Set.of());
        }
        if (e.rejectedFields() != null) {
            failures.add("expected the request to be rejected, but it was accepted");
        }
        checkPatterns(e, result, failures);
        checkReferral(e, result, failures);
        checkInterventions(kb, e, result, failures);
        checkExplanation(e, result, failures);
        checkAbsent(e, result, failures);
        checkSubtypesAndPrecautions(e, result, failures);
        checkMissingTests(e, result, failures);
        checkScreenAndPlan(e, result, failures);
        Set<String> fired = result.explanation().trace().stream()
                .map(FiredRule::ruleId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ScenarioOutcome(s.file(), s.title(), failures, fired);
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
