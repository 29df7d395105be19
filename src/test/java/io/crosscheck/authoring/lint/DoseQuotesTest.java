package io.crosscheck.authoring.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An intervention page's Dose section states the catalogue's dose. The case of issue 24: the hip-flexor stretch's
 * hold changed in interventions.yaml and its page kept the old numbers.
 */
class DoseQuotesTest {

    private static final String CATALOGUE = "rules/reference/interventions.yaml";
    private static final String PAGE = "kb-docs/interventions/hip_flexor_stretch.md";

    private static List<String> check(LintFixture kb) {
        return kb.run(DoseQuotes::check);
    }

    @Test
    void theShippedPagesStateTheCataloguesDoses() {
        assertThat(check(LintFixture.shipped())).isEmpty();
    }

    @Test
    void aChangedDoseIsReportedWhereThePageStatesTheOldNumberAndAtTheSectionForTheNewOne() {
        LintFixture kb = LintFixture.shipped()
                .edit(
                        CATALOGUE,
                        t -> t.replace(
                                "dose: \"Static 10-30 s, 2-4 repetitions", "dose: \"Static 15-30 s, 2-4 repetitions"));
        int dose = kb.line(PAGE, "## Dose");
        int line = kb.line(PAGE, "Static holds of 10 to 30 s");
        // the catalogue entry is cited by the line of its id (it moves when entries above it change)
        int entry = kb.line(CATALOGUE, "- id: hip_flexor_stretch");
        assertThat(check(kb))
                .satisfiesExactlyInAnyOrder(
                        p -> assertThat(p)
                                .startsWith(PAGE + ":" + line + ":"
                                        + (kb.column(PAGE, "Static holds of 10 to 30 s") + "Static holds of ".length())
                                        + ": the Dose section"
                                        + " states 10 in 2 places, the catalogue's dose of hip_flexor_stretch"
                                        + " (rules/reference/interventions.yaml:" + entry
                                        + "): \"Static 15-30 s, 2-4 repetitions")
                                .endsWith(
                                        "\" in 1; state the catalogue's dose (other sources' numbers belong in another"
                                                + " section)"),
                        p -> assertThat(p)
                                .startsWith(
                                        PAGE + ":" + dose + ":1: the Dose section does not state 15 of the catalogue's"
                                                + " dose of hip_flexor_stretch")
                                .endsWith("; expected 15"));
    }

    @Test
    void numbersInWordsCountAndRuleIdsCitationsAndCodeDoNot() {
        LintFixture kb = LintFixture.shipped()
                .edit(
                        CATALOGUE,
                        t -> t.replace(
                                "dose: \"Hold 1-2 minutes, then return to exercise.\"",
                                "dose: \"Hold 1-2 minutes, 3 times, then return to exercise.\""))
                .edit(
                        "kb-docs/interventions/childs_pose.md",
                        t -> t.replace(
                                "Hold for one to two minutes, then return to exercise [S0].",
                                "Hold for one to two minutes, three times, then return to exercise (INT-021, `childs_pose`) [S0; PAGE12]."));
        assertThat(check(kb)).isEmpty();
    }
}
