package io.crosscheck.authoring.lint;

import io.crosscheck.authoring.lint.Quantities.Quantity;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number in prose read as a statement of a threshold: the number with the threshold's unit after it
 * ({@code 50°}, {@code 12 weeks}) or a comparator around it ({@code below 50}, {@code 23 or more}, {@code NRS 7}),
 * and the words that make it one, for the message and the link that names the threshold.
 */
record Phrase(String text, int start, int end) {

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("deg", "\u00b0|deg\\b|degrees?\\b"),
            Map.entry("mmHg", "mm ?Hg\\b"),
            Map.entry("s", "s\\b|sec\\b|seconds?\\b"),
            Map.entry("h/day", "h/day\\b|h\\b|hours?\\b"),
            Map.entry("NRS", "/10\\b"),
            Map.entry("weeks", "weeks?\\b|wk\\b"),
            Map.entry("years", "years?\\b"),
            Map.entry("points", "points?\\b"),
            Map.entry("criteria", "criteri(?:a|on)\\b"),
            Map.entry("items", "items?\\b"),
            Map.entry("min", "min\\b|minutes?\\b"),
            Map.entry("falls", "falls?\\b"));

    private static final Pattern COMPARATOR_AFTER = Pattern.compile(
            "(?i)^(?:[\\s-]*[a-z/\u00b0]+){0,2}?\\s+or (?:more|above|over|less|below|under|older|younger|higher|lower)\\b"
                    + "(?!\\s+than)");
    private static final Pattern COMPARATOR_BEFORE = Pattern.compile("(?i)(?:<=|>=|\u2264|\u2265|<|>|\\b(?:below|above"
            + "|under|over|less than|more than|fewer than|at least|at most|exceeds?|exceeding|beyond|up to|from"
            + "|older than|younger than))\\s*(?:NRS\\s*)?$");
    private static final Map<String, Pattern> AFTER = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern NRS_BEFORE = Pattern.compile("\\bNRS\\s*$");

    private static Pattern unitAfter(String unit) {
        String aliases = UNITS.getOrDefault(unit, Pattern.quote(unit) + "\\b");
        return Pattern.compile("^(?:\\s|-)?(?:" + aliases + ")");
    }

    /** The phrase around {@code q} that states it as a quantity of {@code unit}, or null when nothing does. */
    static Phrase around(String prose, Quantity q, String unit) {
        String before = prose.substring(0, q.start());
        String after = prose.substring(q.end());
        int start = q.start();
        int end = q.end();
        boolean stated = false;
        Matcher unitAfter =
                AFTER.computeIfAbsent(String.valueOf(unit), Phrase::unitAfter).matcher(after);
        if (unitAfter.find()) {
            end = q.end() + unitAfter.end();
            stated = true;
        }
        Matcher comparatorAfter = COMPARATOR_AFTER.matcher(after);
        if (comparatorAfter.find()) {
            end = Math.max(end, q.end() + comparatorAfter.end());
            stated = true;
        }
        Matcher comparatorBefore = COMPARATOR_BEFORE.matcher(before);
        Matcher nrs = NRS_BEFORE.matcher(before);
        if (comparatorBefore.find()) {
            start = comparatorBefore.start();
            stated = true;
        } else if ("NRS".equals(unit) && nrs.find()) {
            start = nrs.start();
            stated = true;
        }
        return stated ? new Phrase(prose.substring(start, end), start, end) : null;
    }
}
