package io.crosscheck.authoring.replay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changes for one screening when it is evaluated under a candidate knowledge base instead of
 * the current one: pattern statuses ({@code absent} when a pattern is not graded at all), the
 * referral urgency ({@code none}, {@code emergency}, {@code urgent}, {@code soon}) and the
 * recommended interventions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ScreeningDiff(
        List<PatternChange> patterns,
        ReferralChange referral,
        List<String> interventionsAdded,
        List<String> interventionsRemoved) {

    public static final String ABSENT = "absent";
    public static final String NO_REFERRAL = "none";

    public ScreeningDiff {
        patterns = List.copyOf(patterns);
        interventionsAdded = List.copyOf(interventionsAdded);
        interventionsRemoved = List.copyOf(interventionsRemoved);
    }

    /** A pattern whose status differs; {@code absent} on either side when it appeared or disappeared. */
    public record PatternChange(String code, String from, String to) {}

    /** The referral urgency before and after. */
    public record ReferralChange(String from, String to) {}

    public static ScreeningDiff between(ScreeningResult current, ScreeningResult candidate) {
        Map<String, String> before = statuses(current);
        Map<String, String> after = statuses(candidate);
        Set<String> codes = new LinkedHashSet<>(before.keySet());
        codes.addAll(after.keySet());
        List<PatternChange> patterns = new ArrayList<>();
        for (String code : codes) {
            String from = before.getOrDefault(code, ABSENT);
            String to = after.getOrDefault(code, ABSENT);
            if (!from.equals(to)) {
                patterns.add(new PatternChange(code, from, to));
            }
        }
        String referralFrom = referral(current);
        String referralTo = referral(candidate);
        ReferralChange referral = referralFrom.equals(referralTo) ? null : new ReferralChange(referralFrom, referralTo);
        Set<String> interventionsBefore = interventions(current);
        Set<String> interventionsAfter = interventions(candidate);
        List<String> added = interventionsAfter.stream()
                .filter(id -> !interventionsBefore.contains(id))
                .toList();
        List<String> removed = interventionsBefore.stream()
                .filter(id -> !interventionsAfter.contains(id))
                .toList();
        return new ScreeningDiff(patterns, referral, added, removed);
    }

    /** True when nothing this diff looks at changed. */
    public boolean none() {
        return patterns.isEmpty() && referral == null && interventionsAdded.isEmpty() && interventionsRemoved.isEmpty();
    }

    /**
     * Each change as a kind of change, the key the report counts by: {@code LCS consistent->partial},
     * {@code referral none->urgent}, {@code intervention added childs_pose}, {@code intervention removed warm_up}.
     */
    public List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        patterns.forEach(p -> kinds.add(p.code() + " " + p.from() + "->" + p.to()));
        if (referral != null) {
            kinds.add("referral " + referral.from() + "->" + referral.to());
        }
        interventionsAdded.forEach(id -> kinds.add("intervention added " + id));
        interventionsRemoved.forEach(id -> kinds.add("intervention removed " + id));
        return kinds;
    }

    private static Map<String, String> statuses(ScreeningResult r) {
        Map<String, String> statuses = new LinkedHashMap<>();
        if (r.patterns() != null) {
            for (PatternResult p : r.patterns()) {
                statuses.put(p.code(), p.status());
            }
        }
        return statuses;
    }

    private static String referral(ScreeningResult r) {
        return r.redFlags() != null && r.redFlags().referral() && r.redFlags().urgency() != null
                ? r.redFlags().urgency()
                : NO_REFERRAL;
    }

    private static Set<String> interventions(ScreeningResult r) {
        Set<String> ids = new LinkedHashSet<>();
        if (r.interventions() != null) {
            r.interventions().stream().map(InterventionResult::id).forEach(ids::add);
        }
        return ids;
    }
}
