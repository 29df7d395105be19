package io.crosscheck.screening.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.facts.Contributor;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.Precaution;
import io.crosscheck.engine.facts.YellowFlag;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.model.ScreeningResult.RedFlagOutcome;
import java.util.List;

/**
 * Shapes the conclusions of one evaluation into a {@link ScreeningResult}. It decides nothing
 * clinical: every entry comes from a conclusion some rule drew, and points back at it. The sections are
 * shaped by {@link PatternAssembler}, {@link RedFlagAssembler} and {@link PlanAssembler}; this class puts
 * them together with the precautions, contributors and yellow flags and the summary that leads ({@link SummaryWriter}).
 */
final class ResultAssembler {

    private ResultAssembler() {}

    static ScreeningResult assemble(
            String clientRef, KnowledgeBase kb, List<? extends InputFact> inputs, ProvenanceRecorder recorder) {
        return assemble(clientRef, kb, inputs, recorder, null);
    }

    /** @param request the request evaluated: its previous visit (follow-up) and measured values, or null */
    static ScreeningResult assemble(
            String clientRef,
            KnowledgeBase kb,
            List<? extends InputFact> inputs,
            ProvenanceRecorder recorder,
            io.crosscheck.screening.model.ScreeningRequest request) {
        io.crosscheck.screening.model.FollowUp.PreviousVisit previous = request == null || request.followUp() == null
                ? null
                : request.followUp().previous();
        List<Recorded> all = recorder.conclusions();
        List<String> testsPerformed = inputs.stream()
                .map(InputFact::getTestCode)
                .filter(java.util.Objects::nonNull)
                .toList();
        List<PatternResult> patterns = PatternAssembler.patterns(kb, all, testsPerformed);
        RedFlagOutcome redFlags = RedFlagAssembler.redFlags(all);
        ScreeningResult.HealthScreenOutcome health = HealthScreenAssembler.healthScreen(all);
        return new ScreeningResult(
                null,
                null,
                clientRef,
                new ScreeningResult.KnowledgeBaseRef(kb.version(), kb.loadedAt()),
                ScreeningResult.DISCLAIMER,
                SummaryWriter.summary(redFlags, health, patterns),
                patterns,
                redFlags,
                health,
                PlanAssembler.interventions(all, kb.reference().interventions()),
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
                FollowUpAssembler.followUp(kb.reference(), inputs, request, patterns, previous),
                recorder.explanation());
    }
}
