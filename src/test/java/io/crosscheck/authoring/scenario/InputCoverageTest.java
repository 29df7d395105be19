package io.crosscheck.authoring.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.RuleHarness;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's generated check over the whole knowledge base: every rule, every input it reads, every value
 * class (absent, each side of each threshold, the extremes of the range), through the one evaluation path.
 */
class InputCoverageTest {

    private final InputCoverage coverage = new InputCoverage(ScreeningEvaluator.standalone(10_000));

    @Test
    void noRuleFiresOnAnInputThatWasNotSentAndEveryThresholdFallsOnTheSideItsKbDocStates() {
        InputCoverage.Report report = coverage.run(RuleHarness.shipped().knowledgeBase());
        System.out.println("Input coverage: " + report.summary());
        report.gaps().forEach(g -> System.out.println("  no scenario to start from: " + g));
        assertThat(report.violations()).isEmpty();
        assertThat(report.casesByClass()).containsKeys("absent", "boundary", "extreme", "kb-doc");
        assertThat(report.rules()).isGreaterThan(20);
    }

    @Test
    void aRuleThatComparesAMissingNumberAsIfItWereAValueIsCaught() {
        // the defect of issue 20, put back: sitting time read as "not below the threshold", true when it was never sent
        KnowledgeBaseCopy copy = KnowledgeBaseCopy.create();
        try {
            String drl = copy.read("rules/patterns/patterns.drl");
            copy.write(
                    "rules/patterns/patterns.drl",
                    drl.replace(
                            "$sitting : Answer( code == \"sitting_hours_per_day\", number >= $t.value )",
                            "$sitting : ClientContext()\n    not Answer( code == \"sitting_hours_per_day\", number < $t.value )"));
            KnowledgeBase kb = RuleHarness.build(copy.rules(), copy.docs());
            InputCoverage.Report report = coverage.run(kb);
            assertThat(report.violations())
                    .anyMatch(c -> c.rule().equals("CON-001")
                            && c.valueClass().equals("absent")
                            && c.problem().contains("was not sent"));
        } finally {
            copy.reset();
        }
    }

    @Test
    void aKbDocThatStatesAnotherSideOfTheThresholdIsCaught() {
        KnowledgeBaseCopy copy = KnowledgeBaseCopy.create();
        try {
            copy.write(
                    "kb-docs/rules/CON-001.md",
                    copy.read("kb-docs/rules/CON-001.md")
                            .replace("`prolonged_sitting`: >= 6", "`prolonged_sitting`: > 6"));
            InputCoverage.Report report = coverage.run(RuleHarness.build(copy.rules(), copy.docs()));
            assertThat(report.violations())
                    .anyMatch(c -> c.rule().equals("CON-001")
                            && c.valueClass().equals("kb-doc")
                            && c.problem().contains("kb-doc states > 6"));
        } finally {
            copy.reset();
        }
    }
}
