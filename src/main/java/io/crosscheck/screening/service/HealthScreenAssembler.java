package io.crosscheck.screening.service;

import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.facts.HealthConsideration;
import io.crosscheck.engine.facts.HealthScreen;
import io.crosscheck.engine.facts.UnansweredHealthQuestion;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.HealthScreenOutcome;
import java.util.List;

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
        List<ScreeningResult.UnansweredDomain> unanswered = UnansweredDomains.of(all, UnansweredHealthQuestion.class);
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
}
