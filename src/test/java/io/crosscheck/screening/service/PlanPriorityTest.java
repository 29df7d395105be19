package io.crosscheck.screening.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The plan as the API gives it (issue 26): each intervention once, no placeholder for a step of Janda's sequence that
 * names no exercise, and every item ranked by what to do first (safety, then the most findings addressed, then the most
 * reasons, Janda's sequence breaking ties). Called on the shipped rules' conclusions, no HTTP.
 */
class PlanPriorityTest {

    static final KnowledgeBase KB = RuleHarness.shipped().knowledgeBase();
    static final ScreeningEvaluator READER = ScreeningEvaluator.standalone(10_000);
    static final RuleEngine ENGINE = new RuleEngine(10_000);

    @Test
    void theArticleClientsPlanHasNineItemsEachOnceWithTheHipFlexorStretchListedOnlyOnce() {
        List<InterventionResult> plan = assemble(Requests.ARTICLE_DESK_WORKER).interventions();

        assertThat(plan)
                .extracting(InterventionResult::id)
                .doesNotHaveDuplicates()
                .containsExactly(
                        "education_reassurance",
                        "warm_up",
                        "breathing_retraining",
                        "hip_flexor_stretch",
                        "childs_pose",
                        "glute_activation",
                        "deep_abdominal_training",
                        "sensorimotor_training",
                        "movement_breaks");
        assertThat(plan)
                .filteredOn(i ->
                        (i.name() + " " + i.dose()).toLowerCase(Locale.ROOT).contains("hip-flexor stretch"))
                .as("only one item names or doses the hip-flexor stretch")
                .extracting(InterventionResult::id)
                .containsExactly("hip_flexor_stretch");
    }

    @Test
    void noPlanItemIsAPlaceholderThatNamesAStepOfTheSequenceWithoutAnExercise() {
        for (String request : List.of(Requests.ARTICLE_DESK_WORKER, Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS)) {
            assertThat(assemble(request).interventions())
                    .extracting(InterventionResult::id)
                    .doesNotContain("normalise_periphery", "functional_integration");
        }
        assertThat(KB.reference().interventions())
                .as("the catalogue has no such entry left")
                .noneMatch(i ->
                        i.getId().equals("normalise_periphery") || i.getId().equals("functional_integration"));
    }

    @Test
    void theArticleClientStartsWithTheStretchForBothShortHipFlexorsThenGlutealActivationThenEducation() {
        List<InterventionResult> byPriority = byPriority(assemble(Requests.ARTICLE_DESK_WORKER));

        assertThat(byPriority.subList(0, 3))
                .extracting(InterventionResult::id)
                .containsExactly("hip_flexor_stretch", "glute_activation", "education_reassurance");
        assertThat(byPriority.get(0).findingsAddressed())
                .as("left and right short iliopsoas")
                .isEqualTo(2);
        assertThat(byPriority.get(1).findingsAddressed()).isEqualTo(1);
        assertThat(byPriority.get(2).findingsAddressed())
                .as("called for by the pattern as a whole and a yellow flag: no single finding")
                .isZero();
    }

    @Test
    void prioritiesRankEveryItemOnceFromOne() {
        for (String request : List.of(Requests.ARTICLE_DESK_WORKER, Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS)) {
            List<InterventionResult> plan = assemble(request).interventions();

            assertThat(plan)
                    .extracting(InterventionResult::priority)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.rangeClosed(1, plan.size()).boxed().toList());
        }
    }

    @Test
    void completingTheScreensComesFirstWhateverTheFindings() {
        List<InterventionResult> byPriority = byPriority(assemble(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS));

        assertThat(byPriority.get(0).id()).isEqualTo("complete_red_flag_screen");
        assertThat(byPriority.get(0).findingsAddressed()).isZero();
        assertThat(byPriority.get(1).findingsAddressed())
                .as("an exercise for two findings, after the screen")
                .isEqualTo(2);
    }

    @Test
    void theOrderIsSafetyThenFindingsThenReasonsThenJandasSequence() {
        List<InterventionResult> items = new ArrayList<>(List.of(
                item("late_stretch", "stretch", 2, 1, 3),
                item("referral", "referral", 0, 0, 1),
                item("two_findings", "activate", 3, 2, 2),
                item("many_reasons", "breathing", 1, 0, 4),
                item("early_stretch", "warm-up", 1, 1, 3),
                item("screen", "assessment", 0, 0, 1)));

        items.sort(PlanAssembler.PRIORITY);

        assertThat(items)
                .extracting(InterventionResult::id)
                .containsExactly("screen", "referral", "two_findings", "early_stretch", "late_stretch", "many_reasons");
    }

    private static InterventionResult item(String id, String category, int phase, int findings, int reasons) {
        return new InterventionResult(
                id,
                id,
                category,
                phase,
                List.of(),
                "dose",
                null,
                IntStream.range(0, reasons).mapToObj(i -> "reason " + i).toList(),
                List.of("R-" + id),
                List.of("c-" + id),
                List.of(),
                null,
                findings);
    }

    private static List<InterventionResult> byPriority(ScreeningResult r) {
        return r.interventions().stream()
                .sorted(Comparator.comparing(InterventionResult::priority))
                .toList();
    }

    private static ScreeningResult assemble(String body) {
        ScreeningRequest request = READER.read(body);
        List<InputFact> facts = InputFactMapper.map(request, KB.reference());
        ProvenanceRecorder recorder = ENGINE.evaluate(KB, facts);
        return ResultAssembler.assemble(request.clientRef(), KB, facts, recorder);
    }
}
