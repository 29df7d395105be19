package io.crosscheck.engine.drl;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * What a message about an unknown name says next: the valid names, all of them when they are few, else the closest
 * few by edit distance with how many there are and where they are defined. Shared by the allow-list (a field that
 * does not exist) and the linter (a code that does not exist).
 */
public final class ValidValues {

    /** Up to this many valid names are listed in full. */
    static final int ALL_UP_TO = 12;

    /** How many of the closest names are listed when there are more. */
    static final int CLOSEST = 5;

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private ValidValues() {}

    /**
     * E.g. {@code valid: a, b, c} or {@code closest: ab, ac, ad, ae, af (5 of 57 codes for MovementTest,
     * defined in rules/reference/vocabulary.yaml)}.
     *
     * @param kind  what the names are ({@code codes for MovementTest}, {@code fields})
     * @param where where they are defined, or null
     */
    public static String describe(String wrong, Collection<String> valid, String kind, String where) {
        TreeSet<String> names = new TreeSet<>(valid);
        if (names.isEmpty()) {
            return "there are no " + kind + (where == null ? "" : " (" + where + ")");
        }
        if (names.size() <= ALL_UP_TO) {
            return "valid " + kind + ": " + String.join(", ", names) + (where == null ? "" : " (" + where + ")");
        }
        List<String> closest = closest(wrong, names, CLOSEST);
        return "closest " + kind + ": " + String.join(", ", closest) + " (" + closest.size() + " of " + names.size()
                + (where == null ? "" : "; all in " + where) + ")";
    }

    /** The {@code n} names nearest to {@code wrong} (case-insensitive edit distance, then alphabetically). */
    public static List<String> closest(String wrong, Collection<String> valid, int n) {
        String w = wrong == null ? "" : wrong.toLowerCase(Locale.ROOT);
        return valid.stream()
                .distinct()
                .sorted(Comparator.comparingInt((String v) -> distance(w, v.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(n)
                .toList();
    }

    /** The one name close enough to be a typo of {@code wrong} (two edits, or a third of its letters), or null. */
    public static String didYouMean(String wrong, Collection<String> valid) {
        List<String> best = closest(wrong, valid, 1);
        if (best.isEmpty() || wrong == null) {
            return null;
        }
        int d = distance(wrong.toLowerCase(Locale.ROOT), best.get(0).toLowerCase(Locale.ROOT));
        return d <= Math.max(2, wrong.length() / 3) ? best.get(0) : null;
    }

    /** Edit distance, a name that contains the other counted as close. */
    private static int distance(String a, String b) {
        int d = DISTANCE.apply(a, b);
        return !a.isEmpty() && (b.contains(a) || a.contains(b))
                ? Math.min(d, Math.abs(a.length() - b.length()) / 2)
                : d;
    }
}
