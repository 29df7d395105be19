package io.crosscheck.screening.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.facts.Contributor;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.engine.facts.Precaution;
import io.crosscheck.engine.facts.RedFlagScreen;
import io.crosscheck.engine.facts.YellowFlag;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.model.ScreeningResult.RedFlagOutcome;
import io.crosscheck.screening.model.ScreeningResult.ReferralResult;
import java.util.List;

/**
 * Shapes the conclusions of one evaluation into a {@link ScreeningResult}. It decides nothing
 * clinical: every entry comes from a conclusion some rule drew, and points back at it. The sections are
 * shaped by {@link PatternAssembler}, {@link RedFlagAssembler} and {@link PlanAssembler}; this class puts
 * them together with the precautions, contributors and yellow flags and writes the summary that leads.
 */
final class ResultAssembler {

    private ResultAssembler() {}

    static ScreeningResult assemble(
            String clientRef, KnowledgeBase kb, List<? extends InputFact> inputs, ProvenanceRecorder recorder) {
        List<Recorded> all = recorder.conclusions();
        List<String> testsPerformed = inputs.stream()
                .map(InputFact::getTestCode)
                .filter(java.util.Objects::nonNull)
                .toList();
        List<PatternResult> patterns = PatternAssembler.patterns(kb, all, testsPerformed);
        RedFlagOutcome redFlags = RedFlagAssembler.redFlags(all);
        return new ScreeningResult(
                null,
                null,
                clientRef,
                new ScreeningResult.KnowledgeBaseRef(kb.version(), kb.loadedAt()),
                ScreeningResult.DISCLAIMER,
                summary(redFlags, patterns),
                patterns,
                redFlags,
                PlanAssembler.interventions(all),
                PlanAssembler.withheld(all),
                all.stream()
                        .filter(r -> r.fact() instanceof Precaution)
                        .map(r -> new ScreeningResult.PrecautionResult(
                                ((Precaution) r.fact()).getCode(),
                                ((Precaution) r.fact()).getText(),
                                ProvenanceRecorder.because(r),
                                r.rule().id()))
                        .toList(),
                all.stream()
                        .filter(r -> r.fact() instanceof Contributor)
                        .map(ProvenanceRecorder::because)
                        .distinct()
                        .toList(),
                all.stream()
                        .filter(r -> r.fact() instanceof YellowFlag)
                        .map(ProvenanceRecorder::because)
                        .distinct()
                        .toList(),
                recorder.explanation());
    }

    /** Leads with the referral, else with an incomplete screen, else with the screen and the pattern outcome. */
    private static ScreeningResult.Summary summary(RedFlagOutcome redFlags, List<PatternResult> patterns) {
        String status = redFlags.screen().status();
        if (redFlags.referral()) {
            ReferralResult first = redFlags.referrals().get(0);
            return new ScreeningResult.Summary(
                    status,
                    "withheld",
                    "Refer (" + redFlags.urgency() + ") to exclude " + first.label() + ": "
                            + String.join(", ", first.reasons())
                            + ". Everything but the referral is withheld until it has been dealt with.");
        }
        if (RedFlagScreen.INCOMPLETE.equals(status)) {
            int n = redFlags.screen().unanswered().stream()
                    .mapToInt(d -> d.questions().size())
                    .sum();
            return new ScreeningResult.Summary(
                    status,
                    "provisional",
                    "Red-flag screen incomplete: " + n
                            + (n == 1 ? " applicable question" : " applicable questions") + " not answered ("
                            + String.join(
                                    ", ",
                                    redFlags.screen().unanswered().stream()
                                            .map(ScreeningResult.UnansweredDomain::label)
                                            .toList())
                            + "). The plan is provisional until the screen is complete.");
        }
        String outcome = patterns.stream()
                .filter(p -> p.patternStatus() == PatternStatus.CONSISTENT && !"LAYER".equals(p.code()))
                .map(PatternResult::statement)
                .findFirst()
                .orElse(patterns.stream()
                        .filter(p -> p.patternStatus() == PatternStatus.PARTIAL)
                        .map(PatternResult::statement)
                        .findFirst()
                        .orElse("No pattern reached"));
        return new ScreeningResult.Summary(status, "final", "Red-flag screen complete and negative. " + outcome + ".");
    }
}
