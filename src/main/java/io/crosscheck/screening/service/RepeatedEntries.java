package io.crosscheck.screening.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.screening.model.ScreeningRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Entries of a request that say the same thing twice, or two different things about the same test and side. */
final class RepeatedEntries {

    private RepeatedEntries() {}

    /** Every repeated or contradictory posture observation, muscle-length result and movement test, naming both entries. */
    static List<FieldError> find(ScreeningRequest r) {
        List<FieldError> errors = new ArrayList<>();
        sameEntryTwice(
                errors,
                r.observationsOrEmpty(),
                "/observations",
                o -> o.code(),
                o -> o.side(),
                o -> o.present() != null ? "present " + o.present() : "measured",
                "posture observation");
        sameEntryTwice(
                errors,
                r.muscleLengthOrEmpty(),
                "/muscleLength",
                m -> m.muscle(),
                m -> m.side(),
                m -> m.result() != null ? m.result() : "measured",
                "muscle-length result");
        sameEntryTwice(
                errors,
                r.movementPatternsOrEmpty(),
                "/movementPatterns",
                m -> m.test(),
                m -> m.side(),
                m -> m.result() != null ? m.result() : m.substitutionsOrEmpty().isEmpty() ? "measured" : "abnormal",
                "movement test");
        return errors;
    }

    /**
     * The same code and side given twice (overlapping sides count: bilateral covers left and right) is
     * refused, naming both entries: either a duplicate or a contradiction, and the engine must not pick one.
     */
    private static <T> void sameEntryTwice(
            List<FieldError> errors,
            List<T> items,
            String base,
            Function<T, String> code,
            Function<T, String> side,
            Function<T, String> result,
            String what) {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (code.apply(item) == null) {
                continue;
            }
            String s = side.apply(item);
            List<String> units =
                    s == null ? List.of("unsided") : "bilateral".equals(s) ? List.of("left", "right") : List.of(s);
            for (String unit : units) {
                Integer j = seen.putIfAbsent(code.apply(item) + "|" + unit, i);
                if (j == null || !reported.add(j + "|" + i)) {
                    continue;
                }
                T first = items.get(j);
                String a = result.apply(first);
                String b = result.apply(item);
                String kind =
                        a.equals(b) ? "is given twice" : "is given twice with different results (" + a + ", " + b + ")";
                String message = what + " " + code.apply(item) + (s == null ? "" : " (" + unit + ")") + " " + kind
                        + ": " + base + "/" + j + " and " + base + "/" + i;
                errors.add(new FieldError(base + "/" + j, message, code.apply(first)));
                errors.add(new FieldError(base + "/" + i, message, code.apply(item)));
            }
        }
    }
}
