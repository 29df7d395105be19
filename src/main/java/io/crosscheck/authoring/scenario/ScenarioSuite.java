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
import io.crosscheck.engine.explain.FiredRule;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * Runs the scenario suite ({@code rules/scenarios/*.yaml}) against a knowledge base, through the
 * same reader, vocabulary check, engine and assembler as the service, and reports failures and
 * rule coverage. Used by the build's tests, the validate command and hot reload. What a result is checked
 * for is {@link ScenarioExpectations}'s.
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

    /** The evaluation path the scenarios run on (cornerstone cases run on the same). */
    public ScreeningEvaluator evaluator() {
        return evaluator;
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
     * The knowledge base's own scenarios without running them: those of its suite run when there is one (the start-up
     * validation's), else read from its source.
     */
    public List<Scenario> ownScenarios(KnowledgeBase kb) {
        SuiteRun run = runs.get(kb);
        return run != null ? run.scenarios() : load(kb.source(), new ArrayList<>());
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
        // Drools finds its services through the context class loader; a common-pool thread keeps whichever
        // an earlier task left (in one test JVM, a Quarkus test's), so each task runs with this suite's own
        ClassLoader loader = ScenarioSuite.class.getClassLoader();
        List<ScenarioOutcome> outcomes = scenarios.parallelStream()
                .map(s -> {
                    Thread t = Thread.currentThread();
                    ClassLoader before = t.getContextClassLoader();
                    t.setContextClassLoader(loader);
                    try {
                        return run(kb, s);
                    } finally {
                        t.setContextClassLoader(before);
                    }
                })
                .toList();
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
        ScenarioExpectations.check(kb, e, result, failures);
        Set<String> fired = result.explanation().trace().stream()
                .map(FiredRule::ruleId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ScenarioOutcome(s.file(), s.title(), failures, fired);
    }
}
