package io.crosscheck.screening.service;

import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.facts.HealthConsideration;
import io.crosscheck.engine.facts.HealthScreen;
import io.crosscheck.engine.facts.UnansweredHealthQuestion;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.HealthScreenOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health-screen section of a {@link ScreeningResult}: the status a rule concluded, the applicable questions
 * not answered by domain (in catalogue order), and the considerations positive answers raised.
 */
final class HealthScreenAssembler {

    private HealthScreenAssembler() {}

    static HealthScreenOutcome healthScreen(List<Recorded> all) {
        Recorded screen = all.stream()
                .filter(r -> r.fact() instanceof HealthScreen)
                .findFirst()
                .orElse(null);
        Map<String, List<UnansweredHealthQuestion>> byDomain = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof UnansweredHealthQuestion u) {
                byDomain.computeIfAbsent(u.getDomain(), d -> new ArrayList<>()).add(u);
            }
        }
        List<ScreeningResult.UnansweredDomain> unanswered = new ArrayList<>();
        byDomain.forEach((domain, questions) -> unanswered.add(new ScreeningResult.UnansweredDomain(
                domain,
                questions.get(0).getDomainLabel(),
                questions.stream()
                        .map(q -> new ScreeningResult.Question(q.getCode(), q.getLabel()))
                        .toList())));
        List<ScreeningResult.Consideration> considerations = all.stream()
                .filter(r -> r.fact() instanceof HealthConsideration)
                .map(r -> {
                    HealthConsideration c = (HealthConsideration) r.fact();
                    return new ScreeningResult.Consideration(
                            c.getCode(),
                            c.getDomain(),
                            c.getText(),
                            ProvenanceRecorder.because(r),
                            r.rule().id());
                })
                .toList();
        if (screen == null) {
            // a knowledge base without health-screen rules: nothing was screened, so nothing is called complete
            return new HealthScreenOutcome(HealthScreen.INCOMPLETE, unanswered, considerations, null, null);
        }
        return new HealthScreenOutcome(
                ((HealthScreen) screen.fact()).getStatus(),
                unanswered,
                considerations,
                ProvenanceRecorder.because(screen),
                screen.rule().id());
    }

    /** Applicable health questions not answered, whatever the status. */
    static int unansweredCount(HealthScreenOutcome h) {
        return h.unanswered().stream().mapToInt(d -> d.questions().size()).sum();
    }
}
