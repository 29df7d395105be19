package io.crosscheck.screening.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.screening.model.WhatIf;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What would change a result (issue 28), on the shipped rules without HTTP: the flips the rules are known to have, and
 * nothing else. Every variant runs through the one evaluation path.
 */
class WhatIfAnalysisTest {

    static final RuleHarness RULES = RuleHarness.shipped();

    static final String NECK_CLIENT_WITHOUT_RED_FLAG_ANSWERS = """
            { "clientRef": "whatif-neck", "client": { "age": 41, "sex": "female" },
              "observations": [ { "code": "forward_head", "present": true },
                                { "code": "rounded_shoulders", "present": true, "side": "bilateral" } ],
              "muscleLength": [ { "muscle": "upper_trapezius", "side": "right", "result": "short" } ],
              "symptoms": [ { "region": "neck", "kind": "pain", "nrs": 4, "durationWeeks": 8 } ] }
            """;

    static final String LCS_TWO_FINDINGS = """
            { "clientRef": "whatif-lcs-two", "client": { "age": 44, "sex": "male" },
              "muscleLength": [ { "muscle": "iliopsoas", "side": "right", "measurement": { "value": 7, "unit": "deg" } } ],
              "movementPatterns": [ { "test": "prone_hip_extension", "side": "right",
                                      "substitutions": ["gluteus_maximus_delayed"] } ],
              "symptoms": [ { "region": "low_back", "kind": "stiffness", "nrs": 3, "durationWeeks": 8 } ] }
            """;

    WhatIf whatIf(String json) {
        return whatIf(json, 400);
    }

    WhatIf whatIf(String json, int limit) {
        try {
            ObjectNode request = (ObjectNode) RuleHarness.JSON.readTree(json);
            return new WhatIfAnalysis(ScreeningEvaluator.standalone(10_000), limit)
                    .analyse("s-1", RULES.knowledgeBase().version(), request, RULES.knowledgeBase());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static WhatIf.PatternWhatIf pattern(WhatIf w, String code) {
        return w.patterns().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theArticleClientsLowerCrossedPatternRestsOnThePelvicTiltAndTheLeftHipExtensionAndOnNeitherHipFlexorAlone() {
        WhatIf w = whatIf(Requests.ARTICLE_DESK_WORKER);

        WhatIf.PatternWhatIf lcs = pattern(w, "LCS");
        assertThat(lcs.status()).isEqualTo("consistent");
        assertThat(lcs.changes())
                .extracting(
                        WhatIf.FindingChange::kind,
                        WhatIf.FindingChange::code,
                        WhatIf.FindingChange::side,
                        WhatIf.FindingChange::status,
                        WhatIf.FindingChange::direction)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "recorded", "anterior_pelvic_tilt", null, "partial", "down"),
                        org.assertj.core.groups.Tuple.tuple(
                                "recorded", "prone_hip_extension", "left", "partial", "down"));
        assertThat(lcs.changes().get(1).action())
                .isEqualTo("Lower-crossed syndrome rests on prone hip extension test (left): if a repeat test were "
                        + "normal, it would be partial (now consistent). Re-test if in doubt.");
        // one finding more cannot make the upper-crossed pattern more than insufficient, so none is suggested
        assertThat(pattern(w, "UCS").changes()).isEmpty();
        assertThat(pattern(w, "LAYER").changes()).isEmpty();
        // the breathing pattern: one sign recorded, any second one would make it consistent
        assertThat(pattern(w, "BPD").changes())
                .allSatisfy(c -> assertThat(c.kind().equals("untested") ? c.status() : "insufficient")
                        .isEqualTo(c.kind().equals("untested") ? "consistent" : c.status()));
        // every question of both screens was answered: nothing to ask, nothing a referral rests on
        assertThat(w.plan()).isEmpty();
        assertThat(w.referral()).isNull();
        assertThat(w.complete()).isTrue();
    }

    @Test
    void aPatternOneFindingFromConsistentNamesTheTestsNotDoneThatWouldMakeItConsistent() {
        WhatIf w = whatIf(LCS_TWO_FINDINGS);

        WhatIf.PatternWhatIf lcs = pattern(w, "LCS");
        assertThat(lcs.status()).isEqualTo("partial");
        List<WhatIf.FindingChange> up =
                lcs.changes().stream().filter(c -> c.kind().equals("untested")).toList();
        assertThat(up).isNotEmpty().allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("consistent");
            assertThat(c.direction()).isEqualTo("up");
            assertThat(c.action()).startsWith("Test ");
        });
        assertThat(up)
                .extracting(WhatIf.FindingChange::code)
                .contains("trunk_curl_up")
                .doesNotContain("forward_head");
        // a test of the upper body never appears under the lower-crossed pattern
        assertThat(lcs.changes())
                .extracting(WhatIf.FindingChange::code)
                .doesNotContain("upper_trapezius", "craniocervical_flexion", "rounded_shoulders");
    }

    @Test
    void anUnansweredCaudaEquinaQuestionComesFirstBecauseAYesWouldReferAsAnEmergencyAndWithholdThePlan() {
        WhatIf w = whatIf(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS);

        assertThat(w.plan()).isNotEmpty();
        WhatIf.QuestionWhatIf first = w.plan().get(0);
        assertThat(first.screen()).isEqualTo("red_flags");
        assertThat(first.referral()).isEqualTo("emergency");
        assertThat(first.removed()).isNotEmpty();
        assertThat(first.action()).startsWith("Ask about ").contains("a yes refers (emergency)");
        // ranked: every emergency before every urgent referral, every referral before a plan change without one
        List<Integer> ranks = w.plan().stream()
                .map(q -> q.referral() == null
                        ? 0
                        : q.referral().equals("emergency") ? 3 : q.referral().equals("urgent") ? 2 : 1)
                .toList();
        assertThat(ranks).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(w.plan())
                .extracting(WhatIf.QuestionWhatIf::code)
                .contains("saddle_anaesthesia", "bladder_dysfunction", "history_of_cancer");
    }

    @Test
    void aReferralRestsOnTheAnswerThatStartedItAndNoTestIsSuggestedWhileItIsPending() {
        WhatIf w = whatIf(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);

        assertThat(w.referral()).isNotNull();
        assertThat(w.referral().urgency()).isEqualTo("emergency");
        assertThat(w.referral().restsOn()).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("saddle_anaesthesia");
            assertThat(a.urgency()).isEqualTo("none");
            assertThat(a.effect()).isEqualTo("lower");
            assertThat(a.action()).contains("with a no there would be no referral");
        });
        assertThat(w.patterns()).allSatisfy(p -> assertThat(p.changes()).isEmpty());
    }

    @Test
    void aNeckClientIsNotToldToTestTheDeepNeckFlexorsBeforeTheCervicalArterialQuestionsAreAnswered() {
        WhatIf w = whatIf(NECK_CLIENT_WITHOUT_RED_FLAG_ANSWERS);

        assertThat(w.patterns().stream().flatMap(p -> p.changes().stream()))
                .extracting(WhatIf.FindingChange::code)
                .doesNotContain("cervical_flexion", "craniocervical_flexion", "deep_neck_flexor_endurance");
        assertThat(w.plan()).extracting(WhatIf.QuestionWhatIf::code).contains("dizziness");
    }

    @Test
    void theSameRequestGivesTheSameAnswerAndALimitCutsTheSameListEveryTime() {
        WhatIf a = whatIf(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS);
        WhatIf b = whatIf(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS);
        assertThat(withoutTime(a)).isEqualTo(withoutTime(b));

        WhatIf cut = whatIf(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS, 10);
        WhatIf cutAgain = whatIf(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS, 10);
        assertThat(cut.complete()).isFalse();
        assertThat(cut.variants()).isEqualTo(11);
        assertThat(withoutTime(cut)).isEqualTo(withoutTime(cutAgain));
        assertThat(a.complete()).isTrue();
    }

    static WhatIf withoutTime(WhatIf w) {
        return new WhatIf(
                w.screeningId(),
                w.knowledgeBase(),
                w.sameKnowledgeBase(),
                w.patterns(),
                w.plan(),
                w.referral(),
                w.variants(),
                w.limit(),
                w.complete(),
                0);
    }
}
