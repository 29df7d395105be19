package io.crosscheck.screening.service;

import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.WhatIf;
import io.crosscheck.screening.service.WhatIfVariants.Kind;
import io.crosscheck.screening.service.WhatIfVariants.Variant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** How a variant's result reads against the baseline's, in the words of {@link WhatIf}. */
final class WhatIfReading {

    private static final Map<String, Integer> STATUS_RANK = Map.of("insufficient", 0, "partial", 1, "consistent", 2);
    private static final Map<String, Integer> URGENCY_RANK = Map.of("soon", 1, "urgent", 2, "emergency", 3);

    private WhatIfReading() {}

    static WhatIf.FindingChange finding(Variant v, ScreeningResult.PatternResult p, String after) {
        boolean up = STATUS_RANK.getOrDefault(after, 0) > STATUS_RANK.getOrDefault(p.status(), 0);
        String where = v.side() == null ? "" : " (" + v.side() + ")";
        String item = lower(v.label()) + where;
        String action = v.kind() == Kind.UNTESTED
                ? "Test " + item + ": if " + v.finding() + ", " + p.name() + " would be " + after + " (now "
                        + p.status() + ")."
                : capital(p.name()) + " rests on " + item + ": if a repeat test were " + v.finding() + ", it would be "
                        + after + " (now " + p.status() + "). Re-test if in doubt.";
        return new WhatIf.FindingChange(
                v.kind() == Kind.UNTESTED ? "untested" : "recorded",
                v.code(),
                v.label(),
                v.side(),
                v.finding(),
                after,
                up ? "up" : "down",
                action);
    }

    /** What a "yes" to an unanswered question does to the plan; null when it changes nothing. */
    static WhatIf.QuestionWhatIf question(Variant v, ScreeningResult baseline, ScreeningResult varied) {
        List<String> removed = missing(items(baseline), items(varied));
        List<String> added = missing(items(varied), items(baseline));
        Map<String, String> before = precautions(baseline);
        List<String> precautions = precautions(varied).entrySet().stream()
                .filter(e -> !before.containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        String referral = moreUrgent(varied, baseline) ? urgency(varied) : null;
        int changes = removed.size() + added.size() + precautions.size();
        if (changes == 0 && referral == null) {
            return null;
        }
        String action = "Ask about " + lower(v.label()) + ": a yes "
                + (referral != null
                        ? "refers (" + referral + ")"
                                + (removed.isEmpty() ? "" : " and withholds " + removed.size() + " plan items")
                        : "changes " + changes + " plan item" + (changes == 1 ? "" : "s"))
                + ".";
        return new WhatIf.QuestionWhatIf(
                v.screen(), v.code(), v.label(), v.domain(), referral, removed, added, precautions, changes, action);
    }

    /** The rank of a question: a referral first (the more urgent, the higher), then how much of the plan changes. */
    static int weight(WhatIf.QuestionWhatIf q) {
        return (q.referral() == null ? 0 : 1000 + 100 * URGENCY_RANK.getOrDefault(q.referral(), 0)) + q.changes();
    }

    static WhatIf.AnswerChange answer(Variant v, ScreeningResult baseline, ScreeningResult varied) {
        int before = URGENCY_RANK.getOrDefault(urgency(baseline), 0);
        int after = URGENCY_RANK.getOrDefault(urgency(varied), 0);
        String effect = after < before ? "lower" : after > before ? "higher" : "same";
        String action = v.kind() == Kind.ANSWER
                ? "Confirm the answer about " + lower(v.label())
                        + ("same".equals(effect)
                                ? ": the referral also rests on other answers."
                                : "none".equals(urgency(varied))
                                        ? ": with a no there would be no referral."
                                        : ": with a no the referral would be " + urgency(varied) + ".")
                : "Ask about " + lower(v.label()) + ": a yes would make the referral " + urgency(varied) + ".";
        return new WhatIf.AnswerChange(v.code(), v.label(), v.finding(), urgency(varied), effect, action);
    }

    /** A label inside a sentence: "Anterior pelvic tilt" as "anterior pelvic tilt", "CVA" left as it is. */
    static String lower(String label) {
        if (label == null || label.length() < 2 || Character.isUpperCase(label.charAt(1))) {
            return label;
        }
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    static String capital(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static boolean moreUrgent(ScreeningResult varied, ScreeningResult baseline) {
        return URGENCY_RANK.getOrDefault(urgency(varied), 0) > URGENCY_RANK.getOrDefault(urgency(baseline), 0);
    }

    static String urgency(ScreeningResult r) {
        return r.redFlags() != null && r.redFlags().referral() && r.redFlags().urgency() != null
                ? r.redFlags().urgency()
                : "none";
    }

    private static Map<String, String> items(ScreeningResult r) {
        return r.interventions() == null
                ? Map.of()
                : r.interventions().stream()
                        .collect(Collectors.toMap(
                                ScreeningResult.InterventionResult::id,
                                ScreeningResult.InterventionResult::name,
                                (a, b) -> a,
                                java.util.LinkedHashMap::new));
    }

    private static Map<String, String> precautions(ScreeningResult r) {
        return r.precautions() == null
                ? Map.of()
                : r.precautions().stream()
                        .collect(Collectors.toMap(
                                ScreeningResult.PrecautionResult::code,
                                ScreeningResult.PrecautionResult::text,
                                (a, b) -> a,
                                java.util.LinkedHashMap::new));
    }

    /** Names of the items of {@code from} that {@code in} does not hold. */
    private static List<String> missing(Map<String, String> from, Map<String, String> in) {
        Set<String> keys = in.keySet();
        return from.entrySet().stream()
                .filter(e -> !keys.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }
}
