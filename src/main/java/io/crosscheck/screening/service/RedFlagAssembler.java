package io.crosscheck.screening.service;

import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.facts.ExerciseWithheld;
import io.crosscheck.engine.facts.HealthConsideration;
import io.crosscheck.engine.facts.RedFlag;
import io.crosscheck.engine.facts.RedFlagScreen;
import io.crosscheck.engine.facts.Referral;
import io.crosscheck.engine.facts.UnansweredRedFlag;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.RedFlagOutcome;
import io.crosscheck.screening.model.ScreeningResult.ReferralResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The red-flag section of a {@link ScreeningResult}: the referrals the rules drew, most urgent first, with
 * the flags behind each, and the state of the red-flag screen with its unanswered questions.
 */
final class RedFlagAssembler {

    private RedFlagAssembler() {}

    static RedFlagOutcome redFlags(List<Recorded> all) {
        Map<String, List<Recorded>> flagsByDomain = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof RedFlag flag) {
                flagsByDomain
                        .computeIfAbsent(flag.getDomain(), d -> new ArrayList<>())
                        .add(r);
            } else if (r.fact() instanceof HealthConsideration c) {
                // a health-screen referral (cardiovascular signs): its reasons are the considerations of its domain
                flagsByDomain
                        .computeIfAbsent(c.getDomain(), d -> new ArrayList<>())
                        .add(r);
            }
        }
        // most urgent first (stable, so equal urgencies keep derivation order)
        List<Recorded> byUrgency = all.stream()
                .filter(r -> r.fact() instanceof Referral)
                .sorted(Comparator.comparing(r -> ((Referral) r.fact()).getUrgency()))
                .toList();
        List<ReferralResult> referrals = new ArrayList<>();
        for (Recorded r : byUrgency) {
            Referral ref = (Referral) r.fact();
            List<Recorded> flags = flagsByDomain.getOrDefault(ref.getDomain(), List.of());
            Set<String> ruleIds = new LinkedHashSet<>();
            flags.forEach(f -> ruleIds.add(f.rule().id()));
            ruleIds.add(r.rule().id());
            referrals.add(new ReferralResult(
                    ref.getDomain(),
                    ref.getDomainLabel(),
                    ref.getPurpose(),
                    ScreeningResult.code(ref.getUrgency()),
                    flags.stream()
                            .map(f -> f.fact() instanceof RedFlag flag
                                    ? flag.getLabel()
                                    : ((HealthConsideration) f.fact()).getText())
                            .distinct()
                            .toList(),
                    List.copyOf(ruleIds),
                    r.id()));
        }
        boolean withheld = all.stream().anyMatch(r -> r.fact() instanceof ExerciseWithheld);
        return new RedFlagOutcome(
                !referrals.isEmpty(),
                referrals.isEmpty() ? null : referrals.get(0).urgency(),
                withheld,
                referrals,
                screen(all));
    }

    /** The screen status a rule concluded and the unanswered questions by domain, in catalogue order. */
    private static ScreeningResult.ScreenResult screen(List<Recorded> all) {
        Recorded screen = all.stream()
                .filter(r -> r.fact() instanceof RedFlagScreen)
                .findFirst()
                .orElse(null);
        List<ScreeningResult.UnansweredDomain> unanswered = UnansweredDomains.of(all, UnansweredRedFlag.class);
        if (screen == null) {
            return new ScreeningResult.ScreenResult(RedFlagScreen.INCOMPLETE, unanswered, null, null);
        }
        return new ScreeningResult.ScreenResult(
                ((RedFlagScreen) screen.fact()).getStatus(),
                unanswered,
                ProvenanceRecorder.because(screen),
                screen.rule().id());
    }
}
