package io.crosscheck.authoring.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.support.RuleHarness;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        assertThat(problems)
                .anyMatch(p ->
                        p.startsWith("rules/lower_crossed/lcs-findings.drl:") && p.contains("LCS-010 has no kb-doc"));
        assertThat(problems).anyMatch(p -> p.startsWith("kb-docs/rules/LCS-999.md:1:1:") && p.contains("no rule"));
    }

    @Test
    void anUnknownCodeInARuleIsReportedWhereItIs() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String path = "rules/lower_crossed/lcs-findings.drl";
        files.put(
                path,
                files.get(path)
                        .replace("shows(\"gluteus_maximus_delayed\")", "shows(\"glutes_asleep\")")
                        .replace("InterventionDefinition", "InterventionDefinition"));
        files.put(
                "rules/plan/interventions.drl",
                files.get("rules/plan/interventions.drl")
                        .replace("id == \"glute_activation\"", "id == \"glute_wakeup\""));
        List<String> problems = lint(files);
        assertThat(problems)
                .anyMatch(p -> p.matches(
                        "rules/lower_crossed/lcs-findings\\.drl:\\d+:\\d+: \"glutes_asleep\" is not a known code.*"));
        assertThat(problems)
                .anyMatch(p ->
                        p.matches("rules/plan/interventions\\.drl:\\d+:\\d+: \"glute_wakeup\" is not a known code.*"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith("rules/reference/interventions.yaml:")
                        && p.contains("glute_activation is in the catalogue but no rule recommends it"));
    }

    @Test
    void anInterventionWithoutAPageIsReported() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.remove("kb-docs/interventions/childs_pose.md");
        assertThat(lint(files)).anyMatch(p -> p.contains("childs_pose has no kb-doc page"));
    }

    @Test
    void aComparisonOfAnOptionalValueWithoutItsPresenceGuardIsReportedAtItsLineAndColumn() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String pain = "rules/safety/pain.drl";
        files.put(
                pain,
                files.get(pain)
                        .replace(
                                "$s : Symptom( durationWeeks != null, durationWeeks >= $persistent.value )",
                                "$s : Symptom( durationWeeks >= $persistent.value )"));
        String ucs = "rules/upper_crossed/ucs-findings.drl";
        files.put(
                ucs,
                files.get(ucs)
                        .replace(
                                "PostureObservation( code == \"craniovertebral_angle\", measured, value < $t.value )",
                                "PostureObservation( code == \"craniovertebral_angle\", value < $t.value )"));
        List<String> problems = lint(files);
        assertThat(problems)
                .anyMatch(p -> p.matches(
                        "rules/safety/pain\\.drl:\\d+:\\d+: rule PAI-00\\d compares Symptom\\.durationWeeks without "
                                + "requiring it \\(add 'durationWeeks != null'.*"));
        assertThat(problems)
                .anyMatch(p -> p.matches("rules/upper_crossed/ucs-findings\\.drl:\\d+:\\d+: rule UCS-001 compares "
                        + "PostureObservation\\.value without requiring it \\(add 'measured'.*"));
    }

    @Test
    void anAnswerComparedUnderNotWithoutTheInputRequiredElsewhereIsReported() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String patterns = "rules/patterns/patterns.drl";
        // "sits less than 6 h/day" written as the negation of the threshold: true for a client never asked
        files.put(
                patterns,
                files.get(patterns)
                        .replace(
                                "$sitting : Answer( code == \"sitting_hours_per_day\", number >= $t.value )",
                                "not Answer( code == \"sitting_hours_per_day\", number >= $t.value )"));
        List<String> problems = lint(files);
        String drl = files.get(patterns);
        int line = drl.substring(0, drl.indexOf("not Answer( code == \"sitting_hours_per_day\""))
                .split("\n", -1)
                .length;
        assertThat(problems)
                .anyMatch(p -> p.startsWith("rules/patterns/patterns.drl:" + line + ":")
                        && p.contains(
                                "rule CON-001 compares an Answer inside 'not' without requiring the input outside it"));
    }

    @Test
    void guardedComparisonsAndAnswersRequiredOutsideTheNegationAreAccepted() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String patterns = "rules/patterns/patterns.drl";
        files.put(
                patterns,
                files.get(patterns)
                        .replace(
                                "$sitting : Answer( code == \"sitting_hours_per_day\", number >= $t.value )",
                                "$sitting : Answer( code == \"sitting_hours_per_day\" )\n    not Answer( code == \"sitting_hours_per_day\", number < $t.value )"));
        assertThat(lint(files)).noneMatch(p -> p.contains("compares"));
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
