package io.crosscheck.screening.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.engine.facts.Urgency;
import io.crosscheck.screening.model.Chips;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client list shows of a result: the referral urgency ({@code none} without referral) and each
 * pattern's status, written to the screening's summary columns when it is stored and read back from
 * them (or from the stored result when they are null). Trends compare two summaries by the order of
 * the engine's own enums: {@link Urgency} (most urgent first) and {@link PatternStatus} (most evidence first).
 */
public record ScreeningSummary(String referral, Map<String, String> patterns) {

    public static final String NO_REFERRAL = "none";

    public static ScreeningSummary of(ScreeningResult result) {
        String urgency = result.redFlags() == null
                        || !result.redFlags().referral()
                        || result.redFlags().urgency() == null
                ? NO_REFERRAL
                : result.redFlags().urgency();
        Map<String, String> patterns = new LinkedHashMap<>();
        if (result.patterns() != null) {
            result.patterns().forEach(p -> patterns.put(p.code(), p.status()));
        }
        return new ScreeningSummary(urgency, patterns);
    }

    /** From a stored result (rows stored before the summary columns). */
    public static ScreeningSummary of(JsonNode result) {
        JsonNode flags = result.path("redFlags");
        String urgency = flags.path("referral").asBoolean(false) && flags.hasNonNull("urgency")
                ? flags.get("urgency").asText()
                : NO_REFERRAL;
        Map<String, String> patterns = new LinkedHashMap<>();
        result.path("patterns")
                .forEach(p ->
                        patterns.put(p.path("code").asText(), p.path("status").asText(null)));
        return new ScreeningSummary(urgency, patterns);
    }

    /** From the summary columns; null when they are null (not summarised). */
    public static ScreeningSummary of(String referralUrgency, String patternStatus) {
        if (referralUrgency == null || patternStatus == null) {
            return null;
        }
        Map<String, String> patterns = new LinkedHashMap<>();
        for (String entry : patternStatus.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                patterns.put(entry.substring(0, eq), eq + 1 < entry.length() ? entry.substring(eq + 1) : null);
            }
        }
        return new ScreeningSummary(referralUrgency, patterns);
    }

    /** The pattern_status column: {@code UCS=consistent,LCS=partial}. */
    public String patternColumn() {
        StringBuilder b = new StringBuilder();
        patterns.forEach((code, status) ->
                b.append(b.length() == 0 ? "" : ",").append(code).append('=').append(status == null ? "" : status));
        return b.toString();
    }

    /** Trend values of a chip. */
    public static final String BETTER = "better";

    public static final String SAME = "same";
    public static final String WORSE = "worse";
    public static final String NONE = "none";

    /** The chips of this summary, each with its trend against {@code before} (the client's previous screening; null: none). */
    public Chips chips(ScreeningSummary before) {
        Chips.Chip referralChip =
                new Chips.Chip(referral, before == null ? NONE : referralTrend(referral, before.referral()));
        List<Chips.PatternChip> patternChips = new ArrayList<>();
        patterns.forEach((code, status) -> patternChips.add(new Chips.PatternChip(
                code,
                status,
                before == null ? NONE : patternTrend(status, before.patterns().get(code)))));
        return new Chips(referralChip, patternChips);
    }

    /** A referral trend: a new or more urgent referral is worse, a less urgent one or none any more is better. */
    public static String referralTrend(String now, String before) {
        return trend(urgencyRank(now), before == null ? -1 : urgencyRank(before));
    }

    /** A pattern trend: less evidence for the pattern (consistent -> partial -> insufficient) is better. */
    public static String patternTrend(String now, String before) {
        return trend(statusRank(now), before == null ? -1 : statusRank(before));
    }

    private static String trend(int now, int before) {
        if (now < 0 || before < 0) {
            return NONE;
        }
        return now == before ? SAME : now > before ? WORSE : BETTER;
    }

    /** 0 for no referral, then up to the most urgent; -1 when unknown. */
    static int urgencyRank(String urgency) {
        if (NO_REFERRAL.equals(urgency)) {
            return 0;
        }
        Urgency u = ScreeningResult.urgency(urgency);
        return u == null ? -1 : Urgency.values().length - u.ordinal();
    }

    /** 0 for the least evidence (insufficient) up to the most (consistent); -1 when unknown or absent. */
    static int statusRank(String status) {
        PatternStatus s = ScreeningResult.patternStatus(status);
        return s == null ? -1 : PatternStatus.values().length - 1 - s.ordinal();
    }
}
