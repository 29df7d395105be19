package io.crosscheck.screening.service;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.OutcomeScore;
import io.crosscheck.engine.facts.ProgrammeFeedback;
import io.crosscheck.engine.outcome.OutcomeMeasures.Measure;
import io.crosscheck.screening.model.FollowUp;
import io.crosscheck.screening.model.FollowUpResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The result's follow-up section: each outcome measure the server scored, compared with the previous visit against its
 * MCID, and what the client reported about each exercise of the previous home programme. Null when the screening
 * recorded neither.
 */
final class FollowUpAssembler {

    private FollowUpAssembler() {}

    static FollowUpResult followUp(
            ReferenceData reference, List<? extends InputFact> inputs, FollowUp.PreviousVisit previous) {
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
                items.add(new FollowUpResult.Item(
                        p.getInterventionId(),
                        reference
                                .intervention(p.getInterventionId())
                                .map(d -> d.getName())
                                .orElse(p.getInterventionId()),
                        p.getDone(),
                        reference
                                .outcomes()
                                .followUp()
                                .done(p.getDone() == null ? "" : p.getDone())
                                .map(c -> c.label())
                                .orElse(null),
                        p.getTolerance(),
                        reference
                                .outcomes()
                                .followUp()
                                .tolerance(p.getTolerance() == null ? "" : p.getTolerance())
                                .map(c -> c.label())
                                .orElse(null),
                        p.getRef()));
            }
        }
        FollowUpResult.Previous prev =
                previous == null ? null : new FollowUpResult.Previous(previous.screeningId(), previous.date());
        if (outcomes.isEmpty() && items.isEmpty() && prev == null) {
            return null;
        }
        return new FollowUpResult(prev, List.copyOf(outcomes), List.copyOf(items));
    }
}
