package io.crosscheck.screening.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.OutcomeScore;
import io.crosscheck.engine.facts.ProgrammeFeedback;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.outcome.OutcomeMeasures;
import io.crosscheck.engine.outcome.OutcomeMeasures.Measure;
import io.crosscheck.engine.outcome.OutcomeScoring;
import io.crosscheck.screening.model.FollowUp;
import io.crosscheck.screening.model.OutcomeAnswer;
import io.crosscheck.screening.model.ScreeningRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a request's outcome measures and follow-up against {@code rules/reference/outcome-measures.yaml}: scores each
 * measure ({@link OutcomeScoring}) into an {@link OutcomeScore} with the previous visit's score, and each follow-up item
 * into a {@link ProgrammeFeedback}. Every problem is added to {@code errors}, at the field it concerns.
 */
final class OutcomeFacts {

    private final ReferenceData reference;
    private final List<FieldError> errors;

    OutcomeFacts(ReferenceData reference, List<FieldError> errors) {
        this.reference = reference;
        this.errors = errors;
    }

    List<InputFact> facts(ScreeningRequest r) {
        List<InputFact> facts = new ArrayList<>();
        FollowUp.PreviousVisit previous =
                r.followUp() == null ? null : r.followUp().previous();
        Map<String, Double> before = previous == null ? Map.of() : previous.scoresOrEmpty();
        checkPrevious(before);
        Set<String> seen = new HashSet<>();
        List<OutcomeAnswer> outcomes = r.outcomesOrEmpty();
        for (int i = 0; i < outcomes.size(); i++) {
            OutcomeAnswer a = outcomes.get(i);
            String ref = "/outcomes/" + i;
            Optional<Measure> measure = reference.outcomes().measure(a.measure());
            if (measure.isEmpty()) {
                errors.add(new FieldError(ref + "/measure", "unknown outcome measure; known: " + known(), a.measure()));
                continue;
            }
            if (!seen.add(a.measure())) {
                errors.add(new FieldError(ref + "/measure", "outcome measure recorded more than once", a.measure()));
                continue;
            }
            Measure m = measure.get();
            if (!m.namedByClient() && a.activities() != null) {
                errors.add(new FieldError(
                        ref + "/activities", m.shortName() + " has fixed items: send no activities", a.activities()));
                continue;
            }
            OutcomeScoring.Scored scored = OutcomeScoring.score(m, a.itemsOrEmpty(), a.activities());
            for (OutcomeScoring.Problem p : scored.problems()) {
                String field = p.index() == null ? ref + "/items" : ref + "/items/" + p.index();
                errors.add(new FieldError(field, p.message(), p.rejected()));
            }
            if (scored.ok() && scored.score() != null) {
                Double prev = before.get(m.code());
                facts.add(new OutcomeScore(
                        ref,
                        m.code(),
                        m.shortName(),
                        m.unit(),
                        scored.score(),
                        prev,
                        OutcomeScoring.improvement(m, scored.score(), prev),
                        m.mcid().value()));
            }
        }
        if (r.followUp() != null) {
            feedback(r.followUp(), previous, facts);
        }
        return facts;
    }

    private void checkPrevious(Map<String, Double> before) {
        before.forEach((code, score) -> {
            String field = "/followUp/previous/scores/" + code;
            Optional<Measure> m = reference.outcomes().measure(code);
            if (m.isEmpty()) {
                errors.add(new FieldError(field, "unknown outcome measure; known: " + known(), code));
            } else if (score < m.get().min() || score > m.get().max()) {
                errors.add(new FieldError(
                        field,
                        "a score from " + InputDefinition.plain(m.get().min()) + " to "
                                + InputDefinition.plain(m.get().max()),
                        score));
            }
        });
    }

    private void feedback(FollowUp f, FollowUp.PreviousVisit previous, List<InputFact> facts) {
        OutcomeMeasures.FollowUpCodes codes = reference.outcomes().followUp();
        Set<String> home = new HashSet<>();
        reference.home().exercises().forEach(e -> home.add(e.id()));
        if (previous != null) {
            for (int i = 0; i < previous.programmeOrEmpty().size(); i++) {
                String id = previous.programmeOrEmpty().get(i);
                if (!home.contains(id)) {
                    errors.add(new FieldError(
                            "/followUp/previous/programme/" + i, "not a home exercise of the catalogue", id));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        List<FollowUp.Item> items = f.itemsOrEmpty();
        for (int i = 0; i < items.size(); i++) {
            FollowUp.Item item = items.get(i);
            String ref = "/followUp/items/" + i;
            int before = errors.size();
            if (previous != null && previous.programme() != null) {
                if (!previous.programme().contains(item.intervention())) {
                    errors.add(new FieldError(
                            ref + "/intervention",
                            "not in the previous visit's home programme: " + previous.programme(),
                            item.intervention()));
                }
            } else if (!home.contains(item.intervention())) {
                errors.add(new FieldError(
                        ref + "/intervention", "not a home exercise of the catalogue", item.intervention()));
            }
            if (!seen.add(item.intervention())) {
                errors.add(
                        new FieldError(ref + "/intervention", "exercise reported more than once", item.intervention()));
            }
            Optional<OutcomeMeasures.Code> done =
                    Optional.ofNullable(item.done()).flatMap(codes::done);
            Optional<OutcomeMeasures.Code> tolerance =
                    Optional.ofNullable(item.tolerance()).flatMap(codes::tolerance);
            if (item.done() != null && done.isEmpty()) {
                errors.add(new FieldError(ref + "/done", "one of " + codes(codes.done()), item.done()));
            }
            if (item.tolerance() != null && tolerance.isEmpty()) {
                errors.add(new FieldError(ref + "/tolerance", "one of " + codes(codes.tolerance()), item.tolerance()));
            }
            if (item.done() == null && item.tolerance() == null) {
                errors.add(new FieldError(ref, "give done, tolerance or both"));
            }
            if (errors.size() > before) {
                continue;
            }
            String name = reference
                    .intervention(item.intervention())
                    .map(InterventionDefinition::getName)
                    .orElse(item.intervention());
            facts.add(new ProgrammeFeedback(
                    ref,
                    item.intervention(),
                    name,
                    item.done(),
                    done.map(OutcomeMeasures.Code::label).orElse(null),
                    item.tolerance(),
                    tolerance.map(OutcomeMeasures.Code::label).orElse(null)));
        }
    }

    private String known() {
        return reference.outcomes().measures().stream()
                .map(Measure::code)
                .toList()
                .toString();
    }

    private static String codes(List<OutcomeMeasures.Code> codes) {
        return codes.stream().map(OutcomeMeasures.Code::code).toList().toString();
    }
}
