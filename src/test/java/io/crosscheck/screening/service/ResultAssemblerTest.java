package io.crosscheck.screening.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.engine.explain.ExplanationNode;
import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Shaping one evaluation's conclusions into a result, called directly on the conclusions the shipped rules draw
 * (no HTTP, no database): what the summary leads with, the order of referrals and plan, the enums' lower-case codes,
 * and every entry pointing back at its conclusion.
 */
class ResultAssemblerTest {

    static final KnowledgeBase KB = RuleHarness.shipped().knowledgeBase();
    static final ScreeningEvaluator READER = ScreeningEvaluator.standalone(10_000);
    static final RuleEngine ENGINE = new RuleEngine(10_000);

    @Test
    void aReferralLeadsTheSummaryAndEverythingButTheReferralIsWithheld() {
        ScreeningResult r = assemble(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);

        assertThat(r.redFlags().referral()).isTrue();
        assertThat(r.redFlags().referrals()).isNotEmpty();
        assertThat(r.redFlags().urgency())
                .as("the most urgent referral's")
                .isEqualTo(r.redFlags().referrals().get(0).urgency());
        assertThat(r.redFlags().referrals())
                .extracting(ScreeningResult.ReferralResult::referralUrgency)
                .as("most urgent first")
                .doesNotContainNull()
                .isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(r.redFlags().referrals().get(0).reasons()).isNotEmpty();
        assertThat(r.summary().plan()).isEqualTo("withheld");
        assertThat(r.summary().headline())
                .startsWith("Refer (" + r.redFlags().urgency() + ") to exclude "
                        + r.redFlags().referrals().get(0).label())
                .endsWith("Everything but the referral is withheld until it has been dealt with.");
    }

    @Test
    void anUnansweredScreenMakesThePlanProvisionalAndCountsTheApplicableQuestionsLeft() {
        ScreeningResult r = assemble(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS);

        ScreeningResult.ScreenResult screen = r.redFlags().screen();
        int questions =
                screen.unanswered().stream().mapToInt(d -> d.questions().size()).sum();
        assertThat(screen.status()).isEqualTo("incomplete");
        assertThat(questions).isPositive();
        assertThat(r.redFlags().referral()).isFalse();
        assertThat(r.summary().redFlagScreen()).isEqualTo("incomplete");
        assertThat(r.summary().plan()).isEqualTo("provisional");
        assertThat(r.summary().headline())
                .startsWith("Red-flag screen incomplete: " + questions + " applicable questions not answered (")
                .contains(screen.unanswered().get(0).label())
                .endsWith("The plan is provisional until the screen is complete.");
    }

    @Test
    void aCompleteNegativeScreenLeadsWithTheFirstPatternTheFindingsAreConsistentWith() {
        ScreeningResult r = assemble(Requests.ARTICLE_DESK_WORKER);

        PatternResult first = r.patterns().stream()
                .filter(p -> p.patternStatus() == PatternStatus.CONSISTENT
                        && !p.code().equals("LAYER"))
                .findFirst()
                .orElseThrow();
        assertThat(r.summary().redFlagScreen()).isEqualTo("complete");
        assertThat(r.summary().plan()).isEqualTo("final");
        assertThat(r.summary().headline())
                .isEqualTo("Red-flag screen complete and negative. Health screen complete: nothing changes the plan. "
                        + first.statement() + ".");
        assertThat(r.summary().healthScreen()).isEqualTo("complete");
        assertThat(first.statement()).isEqualTo("Findings consistent with the " + first.name() + " pattern");
    }

    @Test
    void withoutAnyConclusionTheRedFlagScreenIsIncompleteNeverNegative() {
        ScreeningResult r = ResultAssembler.assemble("pseudo-0001", KB, List.of(), new ProvenanceRecorder(id -> null));

        assertThat(r.redFlags().screen().status()).isEqualTo("incomplete");
        assertThat(r.redFlags().referral()).isFalse();
        assertThat(r.redFlags().urgency()).isNull();
        assertThat(r.summary().plan()).isEqualTo("provisional");
        assertThat(r.patterns()).isEmpty();
        assertThat(r.interventions()).isEmpty();
    }

    @Test
    void statusesAndUrgenciesAreTheEnginesEnumsWrittenInLowerCase() {
        ScreeningResult desk = assemble(Requests.ARTICLE_DESK_WORKER);
        ScreeningResult saddle = assemble(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);

        assertThat(desk.patterns()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.patternStatus()).isNotNull();
            assertThat(p.status()).isEqualTo(ScreeningResult.code(p.patternStatus()));
        });
        assertThat(saddle.redFlags().referrals()).allSatisfy(ref -> {
            assertThat(ref.referralUrgency()).isNotNull();
            assertThat(ref.urgency()).isEqualTo(ScreeningResult.code(ref.referralUrgency()));
        });
    }

    @Test
    void everyEntryPointsBackAtTheConclusionAndTheRuleBehindIt() {
        ScreeningResult r = assemble(Requests.ARTICLE_DESK_WORKER);

        Set<String> conclusions = r.explanation().nodes().stream()
                .filter(n -> "conclusion".equals(n.kind()))
                .map(ExplanationNode::id)
                .collect(Collectors.toSet());
        assertThat(r.patterns()).allSatisfy(p -> {
            assertThat(conclusions).contains(p.conclusionId());
            assertThat(p.ruleId()).isNotBlank();
            assertThat(p.findings()).allSatisfy(f -> assertThat(conclusions).contains(f.conclusionId()));
        });
        assertThat(r.interventions()).isNotEmpty().allSatisfy(i -> {
            assertThat(conclusions).containsAll(i.conclusionIds());
            assertThat(i.ruleIds()).isNotEmpty();
            assertThat(i.rationale()).isNotEmpty();
        });
    }

    @Test
    void thePlanFollowsJandasSequenceWithAssessmentThenReferralFirstWithinAPhase() {
        for (String request : List.of(Requests.ARTICLE_DESK_WORKER, Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS)) {
            List<InterventionResult> plan = assemble(request).interventions();

            assertThat(plan).extracting(InterventionResult::phase).isSorted();
            for (int i = 1; i < plan.size(); i++) {
                if (plan.get(i).phase() == plan.get(i - 1).phase()) {
                    assertThat(rank(plan.get(i)))
                            .as("%s after %s", plan.get(i).id(), plan.get(i - 1).id())
                            .isGreaterThanOrEqualTo(rank(plan.get(i - 1)));
                }
            }
        }
    }

    @Test
    void aResultHasTheClientAndKnowledgeBaseButNoIdentityUntilItIsStored() {
        ScreeningResult r = assemble(Requests.ARTICLE_DESK_WORKER);

        assertThat(r.id()).isNull();
        assertThat(r.createdAt()).isNull();
        assertThat(r.clientRef()).isEqualTo("pseudo-0001");
        assertThat(r.knowledgeBase().version()).isEqualTo(KB.version());
        assertThat(r.disclaimer()).isEqualTo(ScreeningResult.DISCLAIMER);
    }

    private static int rank(InterventionResult i) {
        return switch (i.category()) {
            case "assessment" -> 0;
            case "referral" -> 1;
            default -> 2;
        };
    }

    /** The shipped rules' conclusions for a request, assembled by {@link ResultAssembler} itself. */
    private static ScreeningResult assemble(String body) {
        ScreeningRequest request = READER.read(body);
        List<InputFact> facts = InputFactMapper.map(request, KB.reference());
        ProvenanceRecorder recorder = ENGINE.evaluate(KB, facts);
        return ResultAssembler.assemble(request.clientRef(), KB, facts, recorder);
    }
}
