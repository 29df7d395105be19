package io.crosscheck.authoring.lint;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.support.RuleHarness;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build fails when a rule has no kb-doc page, a page has no rule, a rule compares against a
 * code that does not exist, or a catalogue intervention is undocumented or never recommended.
 */
class KnowledgeBaseLintTest {

    private final KnowledgeBaseLinter linter = new KnowledgeBaseLinter();
    private final KnowledgeBase shipped = RuleHarness.shipped().knowledgeBase();

    @Test
    void theShippedKnowledgeBaseHasNoLintProblems() {
        assertThat(linter.lint(shipped)).extracting(KnowledgeProblem::toString).isEmpty();
    }

    @Test
    void aRuleWithoutAPageAndAPageWithoutARuleAreBothReported() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.remove("kb-docs/rules/LCS-010.md");
        files.put("kb-docs/rules/LCS-999.md", "---\nid: LCS-999\n---\n");
        List<String> problems = lint(files);
        assertThat(problems).anyMatch(p -> p.startsWith("rules/lower_crossed/lcs-findings.drl:") && p.contains("LCS-010 has no kb-doc"));
        assertThat(problems).anyMatch(p -> p.startsWith("kb-docs/rules/LCS-999.md:1:1:") && p.contains("no rule"));
    }

    @Test
    void anUnknownCodeInARuleIsReportedWhereItIs() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String path = "rules/lower_crossed/lcs-findings.drl";
        files.put(path, files.get(path).replace("shows(\"gluteus_maximus_delayed\")", "shows(\"glutes_asleep\")")
                .replace("InterventionDefinition", "InterventionDefinition"));
        files.put("rules/plan/interventions.drl", files.get("rules/plan/interventions.drl")
                .replace("id == \"glute_activation\"", "id == \"glute_wakeup\""));
        List<String> problems = lint(files);
        assertThat(problems).anyMatch(p -> p.matches("rules/lower_crossed/lcs-findings\\.drl:\\d+:\\d+: \"glutes_asleep\" is not a known code.*"));
        assertThat(problems).anyMatch(p -> p.matches("rules/plan/interventions\\.drl:\\d+:\\d+: \"glute_wakeup\" is not a known code.*"));
        assertThat(problems).anyMatch(p -> p.startsWith("rules/reference/interventions.yaml:")
                && p.contains("glute_activation is in the catalogue but no rule recommends it"));
    }

    @Test
    void anInterventionWithoutAPageIsReported() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.remove("kb-docs/interventions/childs_pose.md");
        assertThat(lint(files)).anyMatch(p -> p.contains("childs_pose has no kb-doc page"));
    }

    private List<String> lint(Map<String, String> files) {
        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
        KnowledgeBase kb = builder.build(new KnowledgeSource("test", files));
        try {
            return linter.lint(kb).stream().map(KnowledgeProblem::toString).toList();
        } finally {
            builder.release(kb);
        }
    }
}
