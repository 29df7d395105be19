package io.crosscheck.screening.service;

import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.facts.UnansweredQuestion;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The unanswered questions of one screen, grouped by domain in the order the rules concluded them. */
final class UnansweredDomains {

    private UnansweredDomains() {}

    static List<ScreeningResult.UnansweredDomain> of(List<Recorded> all, Class<? extends UnansweredQuestion> screen) {
        Map<String, List<UnansweredQuestion>> byDomain = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (screen.isInstance(r.fact())) {
                UnansweredQuestion u = screen.cast(r.fact());
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
        return unanswered;
    }

    /** How many questions the domains hold. */
    static int count(List<ScreeningResult.UnansweredDomain> domains) {
        return domains == null
                ? 0
                : domains.stream().mapToInt(d -> d.questions().size()).sum();
    }
}
