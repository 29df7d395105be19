package io.crosscheck.authoring.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a kb-doc or a dose text states, and the comparators around them: digits ({@code 29.4}, the two ends
 * of {@code 10-30 s}) and, where asked, number words ({@code five sets of four}); never the digits of a rule id
 * ({@code PAI-020}), a date, a source key ({@code PAGE12}) or a code ({@code C7}, {@code 5d}).
 */
final class Quantities {

    /** A number stated in a text: its value as text ({@code 29.4}, {@code 5} for "five") and its offsets. */
    record Quantity(String value, int start, int end) {
        double number() {
            return Double.parseDouble(value);
        }
    }

    private static final Pattern DIGITS =
            Pattern.compile("(?<![\\p{L}\\p{N}.])\\d+(?:\\.\\d+)?(?![\\p{L}\\p{N}]|\\.\\d)");
    private static final Pattern ID_BEFORE = Pattern.compile("[A-Za-z]{2,}-$");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("fifteen", 15),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("ninety", 90));
    private static final Pattern WORD =
            Pattern.compile("(?i)\\b(" + String.join("|", WORDS.keySet()) + ")\\b(?!-(?:legged|sided|off|way))");

    /** Comparators in words and symbols, most specific first; each maps to the symbol it means. */
    private static final List<Map.Entry<Pattern, String>> COMPARATORS = List.of(
            comparator(
                    "<=|\u2264|\\bat or below\\b|\\bat or under\\b|\\bor less\\b|\\bor below\\b|\\bor under\\b"
                            + "|\\bor younger\\b|\\bor lower\\b|\\bat most\\b|\\bno more than\\b|\\bup to\\b",
                    "<="),
            comparator(
                    ">=|\u2265|\\bat or above\\b|\\bat or over\\b|\\bor more\\b|\\bor above\\b|\\bor over\\b"
                            + "|\\bor older\\b|\\bor higher\\b|\\bat least\\b|\\bno less than\\b|\\bfrom\\b",
                    ">="),
            comparator("<|\\bbelow\\b|\\bunder\\b|\\bless than\\b|\\bfewer than\\b|\\byounger than\\b", "<"),
            comparator(">|\\babove\\b|\\bover\\b|\\bmore than\\b|\\bexceed\\w*|\\bbeyond\\b|\\bolder than\\b", ">"));

    private Quantities() {}

    private static Map.Entry<Pattern, String> comparator(String regex, String symbol) {
        return Map.entry(Pattern.compile("(?i)" + regex), symbol);
    }

    /** The numbers written in digits. */
    static List<Quantity> digits(String text) {
        List<Quantity> found = new ArrayList<>();
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            if (!ID_BEFORE.matcher(text.substring(0, m.start())).find() && !inDate(text, m.start())) {
                found.add(new Quantity(plain(m.group()), m.start(), m.end()));
            }
        }
        return found;
    }

    /** The numbers written in digits or as words ({@code one} to {@code twelve}, the tens), in order. */
    static List<Quantity> all(String text) {
        List<Quantity> found = new ArrayList<>(digits(text));
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            found.add(new Quantity(String.valueOf(WORDS.get(w.group(1).toLowerCase(Locale.ROOT))), w.start(), w.end()));
        }
        found.sort(java.util.Comparator.comparingInt(Quantity::start));
        return found;
    }

    /** The comparator a text states (symbol or words), as its symbol; null when it states none. */
    static String comparator(String text) {
        for (Map.Entry<Pattern, String> c : COMPARATORS) {
            if (c.getKey().matcher(text).find()) {
                return c.getValue();
            }
        }
        return null;
    }

    /** The other side of a comparator: the rule that tests {@code >= 6} quotes the threshold {@code < 6} rightly. */
    static String complement(String comparator) {
        return switch (comparator) {
            case "<" -> ">=";
            case ">=" -> "<";
            case ">" -> "<=";
            case "<=" -> ">";
            default -> comparator;
        };
    }

    /** {@code 50.0} -> {@code 50}, {@code 29.40} -> {@code 29.4}. */
    static String plain(String number) {
        return new java.math.BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    static String plain(double number) {
        return plain(String.valueOf(number));
    }

    private static boolean inDate(String text, int at) {
        Matcher d = DATE.matcher(text);
        while (d.find()) {
            if (d.start() <= at && at < d.end()) {
                return true;
            }
        }
        return false;
    }
}
