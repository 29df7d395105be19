package io.crosscheck.authoring.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.support.RuleHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The scenario suite in rules/scenarios: every scenario passes and every rule fires in at least one. */
class ScenarioSuiteTest {

    private final KnowledgeBase kb = RuleHarness.shipped().knowledgeBase();
    private final ScenarioSuite suite = new ScenarioSuite(ScreeningEvaluator.standalone(10_000));

    private List<Scenario> scenarios() {
        List<KnowledgeProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioSuite.load(kb.source(), problems);
        assertThat(problems).as("unreadable scenario files").isEmpty();
        return scenarios;
    }

    @TestFactory
    Stream<DynamicTest> eachScenarioConcludesWhatItExpects() {
        return scenarios().stream()
                .map(s -> DynamicTest.dynamicTest(
                        s.file() + ": " + s.title(),
                        () -> assertThat(suite.run(kb, s).failures())
                                .as(s.file())
                                .isEmpty()));
    }

    @Test
    void everyRuleFiresInAtLeastOneScenario() throws Exception {
        ScenarioReport report = suite.run(kb, scenarios());
        Path out = Path.of("target", "scenario-coverage.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.coverageMarkdown());
        assertThat(report.uncoveredRules())
                .as("rules no scenario fires (see " + out + ")")
                .isEmpty();
    }

    @Test
    void aKnowledgeBasesOwnSuiteRunsOnceForWarmUpValidationAndTheCoveragePages() {
        ScenarioSuite.SuiteRun run = suite.runOwnSuite(kb);
        assertThat(run.scenarios()).hasSameSizeAs(scenarios());
        assertThat(run.loadProblems()).isEmpty();
        assertThat(run.report().failed()).isEmpty();
        assertThat(suite.runOwnSuite(kb))
                .as("kept with the knowledge base, not run again")
                .isSameAs(run);
    }

    @Test
    void theOwnScenariosAreReadWithoutARunAndAreTheRunsOnesOnceTheSuiteRan() {
        ScenarioSuite fresh = new ScenarioSuite(ScreeningEvaluator.standalone(10_000));
        List<Scenario> read = fresh.ownScenarios(kb);
        assertThat(read).hasSameSizeAs(ScenarioSuite.load(kb.source(), new ArrayList<>()));
        ScenarioSuite.SuiteRun run = fresh.runOwnSuite(kb);
        assertThat(fresh.ownScenarios(kb)).isSameAs(run.scenarios());
    }
}
