package io.crosscheck.authoring.replay.model;

import io.crosscheck.screening.model.ScreeningResult.FindingResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/** Small helpers of {@link ResultComparison}: null-safe lists, items by key, codes in words. */
final class ResultItems {

    private ResultItems() {}

    /** A status or urgency code in words. */
    static String words(String code) {
        return switch (code) {
            case "consistent" -> "findings consistent with the pattern";
            case "partial" -> "findings partly consistent with the pattern";
            case "insufficient" -> "too few findings for the pattern";
            case ScreeningDiff.ABSENT -> "not graded";
            case ScreeningDiff.NO_REFERRAL -> "no referral";
            case "emergency" -> "refer today (emergency)";
            default -> code;
        };
    }

    static List<FindingResult> findings(List<PatternResult> patterns) {
        return flat(patterns, PatternResult::findings);
    }

    static <T> List<T> flat(List<PatternResult> patterns, Function<PatternResult, List<T>> items) {
        return patterns.stream().flatMap(p -> list(items.apply(p)).stream()).toList();
    }

    static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.putIfAbsent(key.apply(i), i));
        return map;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    static List<String> rules(String... ids) {
        return rules(Stream.of(ids));
    }

    static List<String> rules(Stream<String> ids) {
        return ids.filter(Objects::nonNull).distinct().toList();
    }

    static List<String> one(String id) {
        return id == null ? List.of() : List.of(id);
    }

    static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
