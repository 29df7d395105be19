package io.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.KnowledgeBaseCopy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The validate command: zero on the shipped rules, non-zero with file:line:column for each lint class. */
class ValidateCommandTest {

    private final KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void cleanUp() {
        kb.reset();
    }

    private int validate(String... more) {
        String[] args = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                                "--rules",
                                kb.rules().toString(),
                                "--docs",
                                kb.docs().toString()),
                        java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return ValidateCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static int line(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
    }

    @Test
    void theShippedKnowledgeBaseIsValid() {
        assertThat(validate()).as(errors()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("0 failed")
                .contains("rule coverage 100.0 %")
                .contains("is valid");
    }

    @Test
    void aCompileErrorFailsWithFileLineAndColumn() {
        kb.write(
                "rules/plan/broken.drl",
                "package rules.plan;\nrule \"BRK-001: x\" @id(\"BRK-001\")\nwhen\n  Finding( code == )\nthen\nend\n");
        assertThat(validate()).isEqualTo(1);
        assertThat(errors()).containsPattern("(?m)^rules/plan/broken\\.drl:4:\\d+: ");
    }

    @Test
    void aMissingIdFails() {
        kb.write(
                "rules/plan/anonymous.drl",
                "package rules.plan;\nimport io.crosscheck.engine.facts.*;\nrule \"No id\" ruleflow-group \"plan\"\nwhen\n  Finding()\nthen\nend\n");
        assertThat(validate()).isEqualTo(1);
        assertThat(errors()).contains("rules/plan/anonymous.drl:3:1: rule \"No id\" has no @id metadata");
    }

    @Test
    void aDuplicateIdFails() {
        String drl = kb.read("rules/plan/interventions.drl").replace("@id(\"INT-003\")", "@id(\"INT-001\")");
        kb.write("rules/plan/interventions.drl", drl);
        assertThat(validate()).isEqualTo(1);
        assertThat(errors()).containsPattern("rules/plan/interventions\\.drl:\\d+:1: duplicate rule id INT-001");
    }

    @Test
    void aMissingKbDocFails() {
        kb.delete("kb-docs/rules/LCS-020.md");
        assertThat(validate()).isEqualTo(1);
        assertThat(errors())
                .containsPattern("rules/lower_crossed/lcs-findings\\.drl:\\d+:1: rule LCS-020 has no kb-doc page");
    }

    @Test
    void aVocabularyCodeThatDoesNotExistFails() {
        kb.write(
                "rules/lower_crossed/lcs-findings.drl",
                kb.read("rules/lower_crossed/lcs-findings.drl")
                        .replace("muscle == \"hamstrings\"", "muscle == \"hamstring\""));
        assertThat(validate()).isEqualTo(1);
        assertThat(errors())
                .containsPattern(
                        "rules/lower_crossed/lcs-findings\\.drl:\\d+:\\d+: \"hamstring\" is not a known code for MuscleLengthTest");
    }

    @Test
    void aCatalogueInterventionNeverRecommendedFails() {
        kb.write("rules/reference/interventions.yaml", kb.read("rules/reference/interventions.yaml") + """
                  - id: foam_rolling
                    name: Foam rolling
                    category: stretch
                    phase: 1
                    exercise: true
                    dose: "not given"
                """);
        kb.write("kb-docs/interventions/foam_rolling.md", "---\nid: foam_rolling\n---\n# Foam rolling\n");
        assertThat(validate()).isEqualTo(1);
        assertThat(errors())
                .containsPattern(
                        "rules/reference/interventions\\.yaml:\\d+:\\d+: intervention foam_rolling is in the catalogue but no rule recommends it");
    }

    @Test
    void aRuleOutsideTheStagesFails() {
        kb.write("rules/plan/stageless.drl", """
                package rules.plan;
                import io.crosscheck.engine.facts.*;
                rule "INT-099: no stage"
                    @id("INT-099")
                when
                    $f : Finding()
                then
                end
                """);
        kb.write("kb-docs/rules/INT-099.md", "---\nid: INT-099\n---\n# INT-099\n");
        assertThat(validate()).isEqualTo(1);
        assertThat(errors()).contains("rules/plan/stageless.drl:3:1: rule INT-099 is in no stage");
    }

    @Test
    void aRuleThatCanNeverFireFails() {
        kb.write("rules/plan/dead.drl", """
                package rules.plan;
                import io.crosscheck.engine.facts.*;
                rule "INT-098: waits for a finding no rule can produce"
                    @id("INT-098")
                    ruleflow-group "plan"
                when
                    $f : Finding( code == "unicorn_gait" )
                then
                end
                """);
        kb.write("kb-docs/rules/INT-098.md", "---\nid: INT-098\n---\n# INT-098\n");
        assertThat(validate()).isEqualTo(1);
        assertThat(errors())
                .contains(
                        "rules/plan/dead.drl:7:27: \"unicorn_gait\" is not a known code for Finding, so this condition can never match")
                .contains("rules/plan/dead.drl:3:1: rule INT-098 fires in no scenario");
    }

    @Test
    void aFailingScenarioFails() {
        kb.write("rules/scenarios/zz-wrong.yaml", """
                title: deliberately wrong expectation
                request:
                  client: { age: 30 }
                  observations: [ { code: anterior_pelvic_tilt, present: true } ]
                expect:
                  patterns: { LCS: consistent }
                """);
        assertThat(validate()).isEqualTo(1);
        assertThat(errors())
                .contains("rules/scenarios/zz-wrong.yaml:1:1: pattern LCS: expected consistent, got insufficient");
    }

    @Test
    void aFieldNameTypoIsReportedInWordsAndEveryCheckThatNeedsNoCompiledRulesStillRuns() {
        String pain = "rules/safety/pain.drl";
        String drl = kb.read(pain);
        kb.write(pain, drl.replaceFirst("Symptom\\( durationWeeks != null", "Symptom( durationWeek != null"));
        kb.write(
                "rules/reference/thresholds.yaml",
                kb.read("rules/reference/thresholds.yaml")
                        .replace("comparator: \"<\", value: 50, unit: deg", "comparator: \"<\", value: 48, unit: deg"));
        kb.write(
                "rules/lower_crossed/lcs-findings.drl",
                kb.read("rules/lower_crossed/lcs-findings.drl")
                        .replace("muscle == \"hamstrings\"", "muscle == \"hamstring\""));
        kb.write(
                "kb-docs/rules/LCS-010.md",
                kb.read("kb-docs/rules/LCS-010.md").replace("title: ", "title: Retitled – "));

        assertThat(validate()).isEqualTo(1);
        assertThat(errors())
                .contains(
                        pain + ":" + line(drl, "Symptom( durationWeeks != null") + ":19: Symptom has no field or method"
                                + " 'durationWeek' (did you mean 'durationWeeks'?); its fields: durationWeeks, kind, nrs, ")
                .contains(
                        "kb-docs/rules/UCS-001.md:17:40: \"below 50°\" quotes threshold cva_forward_head as 50, but"
                                + " thresholds.yaml has cva_forward_head < 48 deg (rules/reference/thresholds.yaml:4); expected 48")
                .contains("kb-docs/reference.md:33:3: `cva_forward_head` is quoted as < 50")
                .containsPattern(
                        "rules/lower_crossed/lcs-findings\\.drl:\\d+:\\d+: \"hamstring\" is not a known code for"
                                + " MuscleLengthTest, so this condition can never match; closest codes for MuscleLengthTest:"
                                + " hamstrings, ")
                .containsPattern("kb-docs/index\\.md:\\d+:1: the generated rules block is out of date: it lists (\\d+)"
                        + " rules, the knowledge base has \\1 \\(not listed: none; listed but not in it: none\\); first"
                        + " difference: expected \"\\| \\[LCS-010\\]\\(rules/LCS-010\\.md\\) \\| Retitled – ");
        assertThat(errors()).doesNotContain("Unable to Analyse").doesNotContain("Rule Compilation error");
    }

    @Test
    void aRulePlacedBeforeTheStageThatConcludesWhatItNeedsIsToldWhyItCannotFire() {
        kb.write("rules/posture/early.drl", """
                package rules.posture;
                import io.crosscheck.engine.facts.*;
                rule "CON-097: a contributor read off a graded pattern"
                    @id("CON-097")
                    ruleflow-group "findings"
                when
                    $p : PatternConclusion( pattern == "UCS", consistent )
                then
                    insert( new Contributor( "posture_pattern", "upper-crossed pattern" ) );
                end
                """);
        kb.write("kb-docs/rules/CON-097.md", "---\nid: CON-097\ntitle: early\n---\n# CON-097: early\n");
        assertThat(validate(new String[] {"--fix-index"})).isEqualTo(1);
        assertThat(errors())
                .contains("rules/posture/early.drl:7:5: rule CON-097 in stage findings needs PatternConclusion \"UCS\","
                        + " which is first concluded in stage patterns (later; by PAT-001): the stages run safety ->"
                        + " findings -> patterns -> plan -> gate and never go back, so the rule can never fire")
                .contains("rules/posture/early.drl:3:1: rule CON-097 fires in no scenario");
    }

    @Test
    void fixIndexRewritesTheGeneratedBlocksAndTheKnowledgeBaseValidates() {
        kb.write(
                "kb-docs/rules/LCS-010.md",
                kb.read("kb-docs/rules/LCS-010.md").replace("title: ", "title: Retitled – "));
        assertThat(validate()).isEqualTo(1);
        err.reset();
        out.reset();

        assertThat(validate(new String[] {"--fix-index"})).as(errors()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("kb-docs/index.md: generated blocks rewritten")
                .contains("is valid");
        assertThat(kb.read("kb-docs/index.md")).contains("| [LCS-010](rules/LCS-010.md) | Retitled – ");
    }
}
