package io.crosscheck.screening.service;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.OutcomeScore;
import io.crosscheck.engine.facts.ProgrammeFeedback;
import io.crosscheck.engine.outcome.OutcomeMeasures;
import io.crosscheck.engine.outcome.OutcomeMeasures.Measure;
import io.crosscheck.screening.model.FollowUp;
import io.crosscheck.screening.model.FollowUpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result's follow-up section: each outcome measure the server scored, compared with the previous visit against its
 * MCID, and what the client reported about each exercise of the previous home programme. Null when the screening
 * recorded neither.
 */
final class FollowUpAssembler {

    private FollowUpAssembler() {}

    static FollowUpResult followUp(
            ReferenceData reference, List<? extends InputFact> inputs, FollowUp.PreviousVisit previous) {
        return followUp(reference, inputs, null, List.of(), previous);
    }

    /**
     * The follow-up section with what changed since the previous visit ({@link SinceLastVisit}) when the previous
     * visit carries its patterns, findings and measured values.
     *
     * @param request the request evaluated (its measured values), or null
     * @param patterns the result's patterns (their statuses and findings)
     */
    static FollowUpResult followUp(
            ReferenceData reference,
            List<? extends InputFact> inputs,
            io.crosscheck.screening.model.ScreeningRequest request,
            List<io.crosscheck.screening.model.ScreeningResult.PatternResult> patterns,
            FollowUp.PreviousVisit previous) {
        List<FollowUpResult.Outcome> outcomes = new ArrayList<>();
        List<FollowUpResult.Item> items = new ArrayList<>();
        for (InputFact f : inputs) {
            if (f instanceof OutcomeScore s) {
                Measure m = reference.outcomes().measure(s.getMeasure()).orElseThrow();
                outcomes.add(new FollowUpResult.Outcome(
                        m.code(),
                        m.name(),
                        m.shortName(),
                        s.getScore(),
                        m.unit(),
                        m.min(),
                        m.max(),
                        m.better().name(),
                        s.getPreviousScore(),
                        s.getImprovement(),
                        m.mcid().value(),
                        m.mcid().note(),
                        FollowUpResult.change(s.getImprovement(), m.mcid().value()),
                        s.getRef()));
            } else if (f instanceof ProgrammeFeedback p) {
                OutcomeMeasures.FollowUpCodes codes = reference.outcomes().followUp();
                items.add(new FollowUpResult.Item(
                        p.getInterventionId(),
                        p.getInterventionName(),
                        p.getDone(),
                        Optional.ofNullable(p.getDone())
                                .flatMap(codes::done)
                                .map(OutcomeMeasures.Code::label)
                                .orElse(null),
                        p.getTolerance(),
                        Optional.ofNullable(p.getTolerance())
                                .flatMap(codes::tolerance)
                                .map(OutcomeMeasures.Code::label)
                                .orElse(null),
                        p.getRef()));
            }
        }
        FollowUpResult.Previous prev =
                previous == null ? null : new FollowUpResult.Previous(previous.screeningId(), previous.date());
        if (outcomes.isEmpty() && items.isEmpty() && prev == null) {
            return null;
        }
        FollowUpResult.SinceLastVisit since =
                request == null ? null : SinceLastVisit.of(reference, inputs, request, patterns, previous);
        return new FollowUpResult(prev, List.copyOf(outcomes), List.copyOf(items), since);
    }
}
