package io.crosscheck.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.explain.ExplanationNode;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArticleScenarioRulesTest {

    private final RuleHarness rules = RuleHarness.shipped();

    @Test
    void deskWorkerIsReportedConsistentWithLowerCrossedPatternWithTheArticlesAdvice() {
        ScreeningResult result = rules.screen(Requests.ARTICLE_DESK_WORKER);

        assertThat(pattern(result, "LCS").status()).isEqualTo("consistent");
        assertThat(pattern(result, "LCS").statement())
                .startsWith("Findings consistent with")
                .doesNotContainIgnoringCase("diagnos");
        assertThat(pattern(result, "UCS").status()).isEqualTo("insufficient");
        assertThat(ids(result.interventions()))
                .contains("hip_flexor_stretch", "glute_activation", "breathing_retraining", "warm_up");
        assertThat(result.redFlags().referral()).isFalse();
        assertThat(result.withheld()).isEmpty();
    }

    @Test
    void saddleNumbnessTurnsTheSameClientIntoAnEmergencyReferralWithNoExercise() {
        ScreeningResult result = rules.screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);

        assertThat(result.redFlags().referral()).isTrue();
        assertThat(result.redFlags().urgency()).isEqualTo("emergency");
        assertThat(result.redFlags().exerciseWithheld()).isTrue();
        assertThat(result.redFlags().referrals())
                .singleElement()
                .satisfies(r -> assertThat(r.reasons()).containsExactly("saddle or perianal numbness"));
        assertThat(ids(result.interventions())).containsExactly("medical_referral");
        assertThat(result.interventions())
                .noneMatch(i -> rules.knowledgeBase()
                        .reference()
                        .intervention(i.id())
                        .orElseThrow()
                        .isExercise());
        assertThat(result.withheld())
                .extracting(ScreeningResult.WithheldIntervention::id)
                .contains("hip_flexor_stretch");
    }

    @Test
    void everyConclusionNamesItsRuleAndTheFactsItMatchedDownToTheRequest() {
        ScreeningResult result = rules.screen(Requests.ARTICLE_DESK_WORKER);
        Map<String, ExplanationNode> nodes = result.explanation().nodes().stream()
                .collect(Collectors.toMap(ExplanationNode::id, Function.identity()));

        ExplanationNode hipFlexors = result.explanation().nodes().stream()
                .filter(n -> n.rule() != null
                        && n.rule().id().equals("LCS-010")
                        && n.matched().contains("/muscleLength/0"))
                .findFirst()
                .orElseThrow();
        assertThat(hipFlexors.rule().file()).isEqualTo("rules/lower_crossed/lcs-findings.drl");
        assertThat(hipFlexors.rule().line()).isPositive();
        assertThat(hipFlexors.matched()).contains("/muscleLength/0", "kb:threshold/iliopsoas_thomas");
        assertThat(hipFlexors.because()).contains("Modified Thomas test").contains("[LCS-010]");

        PatternResult lcs = pattern(result, "LCS");
        ExplanationNode lcsNode = nodes.get(lcs.conclusionId());
        assertThat(lcsNode.rule().id()).isEqualTo("PAT-001");
        // the pattern rests on conclusions, and each of those on request facts
        for (String matched : lcsNode.matched()) {
            assertThat(nodes).containsKey(matched);
        }
        assertThat(lcsNode.matched())
                .anyMatch(id -> nodes.get(id).rule() != null
                        && nodes.get(id).rule().id().equals("LCS-020"));
        for (ExplanationNode n : result.explanation().nodes()) {
            if ("conclusion".equals(n.kind())) {
                assertThat(n.rule()).as(n.statement()).isNotNull();
                assertThat(n.matched())
                        .as(n.statement())
                        .allSatisfy(id -> assertThat(nodes).containsKey(id));
            }
        }
    }

    @Test
    void sameInputAndKnowledgeBaseGiveTheSameOutput() throws Exception {
        String first = RuleHarness.JSON.writeValueAsString(rules.screen(Requests.ARTICLE_DESK_WORKER));
        String second = RuleHarness.JSON.writeValueAsString(rules.screen(Requests.ARTICLE_DESK_WORKER));
        assertThat(second).isEqualTo(first);
    }

    private static PatternResult pattern(ScreeningResult result, String code) {
        return result.patterns().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> ids(List<InterventionResult> interventions) {
        return interventions.stream().map(InterventionResult::id).toList();
    }
}
