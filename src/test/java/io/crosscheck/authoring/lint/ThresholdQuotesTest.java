package io.crosscheck.authoring.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kb-docs quote thresholds as thresholds.yaml has them. The case of issue 24: the craniovertebral angle went from 50
 * to 48 and three pages kept "< 50" with validation passing; now every quote is reported where it stands, with the
 * value expected.
 */
class ThresholdQuotesTest {

    private static final String THRESHOLDS = "rules/reference/thresholds.yaml";
    private static final String UCS_001 = "kb-docs/rules/UCS-001.md";
    private static final String CVA_50 =
            "{ id: cva_forward_head, label: craniovertebral angle, comparator: \"<\", value: 50,";

    private static List<String> check(LintFixture kb) {
        return kb.run(ThresholdQuotes::check);
    }

    @Test
    void theShippedPagesQuoteEveryThresholdAsTheReferenceDataHasIt() {
        assertThat(check(LintFixture.shipped())).isEmpty();
    }

    @Test
    void aChangedThresholdIsReportedOnEveryPageThatQuotesItWithTheValueExpected() {
        LintFixture kb = LintFixture.shipped().edit(THRESHOLDS, t -> t.replace(CVA_50, CVA_50.replace("50,", "48,")));
        List<String> problems = check(kb);

        int line = kb.line(UCS_001, "[below 50°](kb:threshold/cva_forward_head)");
        int column = kb.column(UCS_001, "[below 50°](kb:threshold/cva_forward_head)");
        assertThat(problems)
                .contains(UCS_001 + ":" + line + ":" + column + ": \"below 50°\" quotes threshold cva_forward_head"
                        + " as 50, but thresholds.yaml has cva_forward_head < 48 deg"
                        + " (rules/reference/thresholds.yaml:4); expected 48")
                .contains(
                        UCS_001 + ":" + kb.line(UCS_001, "- `cva_forward_head`: < 50 deg") + ":3: `cva_forward_head` is"
                                + " quoted as < 50, but thresholds.yaml has cva_forward_head < 48 deg"
                                + " (rules/reference/thresholds.yaml:4); expected < 48")
                .anyMatch(p -> p.startsWith(
                        "kb-docs/reference.md:" + kb.line("kb-docs/reference.md", "| `cva_forward_head` | < 50")
                                + ":3: `cva_forward_head` is quoted as < 50"))
                .anyMatch(p -> p.startsWith("kb-docs/index.md:" + kb.line("kb-docs/index.md", "CVA < 50°")))
                .allMatch(p -> p.startsWith(UCS_001)
                        || p.startsWith("kb-docs/reference.md:")
                        || p.startsWith("kb-docs/index.md:"));
        // the page's four prose quotes, its reference list, the reference table and the index's brief table
        assertThat(problems).hasSize(7);
    }

    @Test
    void aQuoteWithTheWrongComparatorOrAnUnknownThresholdIsReported() {
        String page = """
                # Notes

                An angle [below 50°](kb:threshold/cva_forward_head) is forward head; so is one [under 50 deg](kb:threshold/cva_forward_head).
                Not forward head: [50° or more](kb:threshold/cva_forward_head). Wrong side: [above 50°](kb:threshold/cva_forward_head).
                Unknown: [50°](kb:threshold/cva_forwad_head).
                """;
        List<String> problems = check(LintFixture.shipped().put("kb-docs/notes.md", page));
        assertThat(problems)
                .satisfiesExactly(
                        p -> assertThat(p)
                                .isEqualTo("kb-docs/notes.md:4:77: \"above 50°\" quotes threshold cva_forward_head as"
                                        + " >, but thresholds.yaml has cva_forward_head < 50 deg"
                                        + " (rules/reference/thresholds.yaml:4); expected < (or the other side, >=)"),
                        p -> assertThat(p)
                                .startsWith("kb-docs/notes.md:5:10: kb:threshold/cva_forwad_head names no threshold;"
                                        + " closest thresholds: cva_forward_head, ")
                                .endsWith("; all in rules/reference/thresholds.yaml)"));
    }

    @Test
    void theIdFollowedByItsValueInAListOrATableIsCheckedToo() {
        String page = """
                # Notes

                - `thoracic_kyphosis`: > 42 deg
                - `ccft_pressure` (24 mmHg), `severe_pain` (NRS 8)

                | id | value | unit |
                |---|---|---|
                | `forward_shoulder` | > 50 | deg |
                """;
        assertThat(check(LintFixture.shipped().put("kb-docs/notes.md", page)))
                .containsExactly(
                        "kb-docs/notes.md:3:3: `thoracic_kyphosis` is quoted as > 42, but thresholds.yaml has"
                                + " thoracic_kyphosis > 40 deg (rules/reference/thresholds.yaml:6); expected > 40",
                        "kb-docs/notes.md:4:30: `severe_pain` is quoted as 8, but thresholds.yaml has severe_pain >= 7"
                                + " NRS (rules/reference/thresholds.yaml:32); expected 7",
                        "kb-docs/notes.md:8:3: `forward_shoulder` is quoted as > 50, but thresholds.yaml has"
                                + " forward_shoulder > 52 deg (rules/reference/thresholds.yaml:8); expected > 52");
    }

    @Test
    void aRulePageThatStatesItsThresholdWithoutNamingItIsToldHowToNameIt() {
        LintFixture kb = LintFixture.shipped()
                .edit(UCS_001, t -> t.replace("[below 50°](kb:threshold/cva_forward_head) gives", "below 50° gives"));
        int line = kb.line(UCS_001, "below 50° gives");
        assertThat(check(kb))
                .containsExactly(UCS_001 + ":" + line + ":" + kb.column(UCS_001, "below 50° gives") + ": \"below 50°\""
                        + " states threshold cva_forward_head (< 50 deg) without naming it: write it as [below 50°]"
                        + "(kb:threshold/cva_forward_head), so that a change of the threshold is checked here");
    }

    @Test
    void citationsQuotedTextAndTheSourcesAndChangesSectionsAreNotStatementsOfTheThreshold() {
        LintFixture kb = LintFixture.shipped().edit(UCS_001, t -> t.replace("## Sources\n", """
                        The source says "a CVA below 50° is forward head".

                        ## Changes

                        - 2026-12-01: a CVA below 50° has counted since version 1.

                        ## Sources
                        - below 50°, as **CVA50** puts it
                        """));
        assertThat(check(kb)).isEmpty();
    }
}
