package io.crosscheck.authoring.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** kb-docs/index.md's counts and tables are generated: checked by the validator, rewritten by --fix-index. */
class KbIndexTest {

    private static final String INDEX = "kb-docs/index.md";
    private static final String NEW_RULE = """
            package rules.plan;
            import io.crosscheck.engine.facts.*;
            global io.crosscheck.engine.ReferenceIndex reference;

            rule "INT-950: Short hamstrings also call for a warm-up"
                @id("INT-950")
                ruleflow-group "plan"
            when
                $f : Finding( code == "hamstrings_short" )
                $warmUp : InterventionDefinition( id == "warm_up" ) from reference.intervention( "warm_up" )
            then
                insert( new InterventionIndication( $warmUp, $f ) );
            end
            """;

    private static List<String> check(LintFixture kb) {
        return kb.run(KbIndex::check);
    }

    private static LintFixture withNewRule() {
        return LintFixture.shipped().put("rules/plan/warm-up.drl", NEW_RULE).put("kb-docs/rules/INT-950.md", """
                        ---
                        id: INT-950
                        title: Short hamstrings call for a warm-up
                        stage: plan
                        version: 1
                        evidence: expert opinion
                        last_reviewed: 2026-12-06
                        ---
                        # INT-950: Short hamstrings call for a warm-up
                        """);
    }

    @Test
    void theShippedIndexIsUpToDate() {
        assertThat(check(LintFixture.shipped())).isEmpty();
    }

    /** How many rules the shipped index lists (the shipped index is up to date: theShippedIndexIsUpToDate). */
    static int shippedRules() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\*\\*(\\d+) rules\\*\\*")
                .matcher(LintFixture.shipped().get(INDEX));
        assertThat(m.find()).as("the index states its rule count").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aNewRuleNotInTheIndexFailsNamingTheCountsTheRuleAndTheFirstLineThatDiffers() {
        LintFixture kb = withNewRule();
        int shipped = shippedRules();
        int line = kb.line(INDEX, "**" + shipped + " rules**");
        assertThat(check(kb))
                .satisfiesExactlyInAnyOrder(
                        p -> assertThat(p)
                                .startsWith(INDEX + ":" + line
                                        + ":1: the generated rules block is out of date: it lists " + shipped
                                        + " rules, the knowledge base has " + (shipped + 1)
                                        + " (not listed: INT-950; listed but not in it:"
                                        + " none); first difference: expected \"**" + (shipped + 1)
                                        + " rules** by stage: ")
                                .endsWith("\": run bin/crosscheck validate --fix-index"),
                        p -> assertThat(p)
                                .contains("the generated interventions block is out of date: it lists 35 interventions,"
                                        + " the knowledge base has 35 (not listed: none; listed but not in it: none)")
                                .contains("[INT-032](rules/INT-032.md), [INT-950](rules/INT-950.md) |\""));
    }

    @Test
    void fixingTheIndexRewritesOnlyItsGeneratedBlocksAndIsStable() {
        LintFixture kb = withNewRule();
        String fixed = KbIndex.fix(kb.get(INDEX), kb.subject());
        kb.put(INDEX, fixed);
        assertThat(check(kb)).isEmpty();
        assertThat(fixed)
                .contains("**" + (shippedRules() + 1) + " rules** by stage: ")
                .contains(
                        "| [INT-950](rules/INT-950.md) | Short hamstrings call for a warm-up | plan | expert opinion | 1 |"
                                + " 2026-12-06 |")
                .contains("## Brief coverage");
        assertThat(KbIndex.fix(fixed, kb.subject())).isEqualTo(fixed);
        String before = LintFixture.shipped().get(INDEX);
        assertThat(fixed.substring(fixed.indexOf("## Brief coverage")))
                .isEqualTo(before.substring(before.indexOf("## Brief coverage")));
    }

    @Test
    void anIndexWithoutTheBlocksFailsAndFixingItAddsThem() {
        LintFixture kb = LintFixture.shipped().put(INDEX, "# Index\n\nHand-written.\n");
        assertThat(check(kb))
                .containsExactly(
                        INDEX + ":1:1: has no generated block \"rules\" (between [//]: # \"generated: rules...\" and"
                                + " [//]: # \"end of generated: rules\"): run bin/crosscheck validate --fix-index to add it",
                        INDEX + ":1:1: has no generated block \"interventions\" (between [//]: # \"generated:"
                                + " interventions...\" and [//]: # \"end of generated: interventions\"): run bin/crosscheck"
                                + " validate --fix-index to add it");
        kb.put(INDEX, KbIndex.fix(kb.get(INDEX), kb.subject()));
        assertThat(check(kb)).isEmpty();
        assertThat(kb.get(INDEX)).startsWith("# Index\n\nHand-written.\n\n## Rules\n\n[//]: # \"generated: rules.");
    }

    @Test
    void aKnowledgeBaseWithoutAnIndexHasNothingToCheck() {
        assertThat(check(LintFixture.shipped().remove(INDEX))).isEmpty();
    }
}
