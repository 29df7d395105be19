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

    private int validate() {
        return ValidateCommand.run(
                new String[] {
                    "--rules", kb.rules().toString(), "--docs", kb.docs().toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
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
}
