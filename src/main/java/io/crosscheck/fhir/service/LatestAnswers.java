package io.crosscheck.fhir.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers collected from a chart, one per key, where the latest wins: a later time beats an earlier one,
 * a dated answer beats an undated one, and between equals the one sent last.
 *
 * @param <T> what is collected per key
 */
final class LatestAnswers<T> {

    private record Dated<T>(T value, Instant at, int order) {}

    private static final Comparator<Dated<?>> LATEST = Comparator.comparing(
                    (Dated<?> d) -> d.at(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Dated::order);

    private final Map<String, Dated<T>> byKey = new LinkedHashMap<>();

    /** Keeps {@code value} for {@code key} unless an answer already kept is later; {@code order} is the resource's position. */
    void put(String key, T value, Instant at, int order) {
        byKey.merge(key, new Dated<>(value, at, order), (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
    }

    /** Replaces the kept value of {@code key} (same time and order); false when nothing is kept for it. */
    boolean update(String key, java.util.function.UnaryOperator<T> change) {
        Dated<T> d = byKey.get(key);
        if (d == null) {
            return false;
        }
        byKey.put(key, new Dated<>(change.apply(d.value()), d.at(), d.order()));
        return true;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** The kept values in the order their keys were first seen; null when none (a request leaves the list out). */
    List<T> valuesOrNull() {
        return byKey.isEmpty()
                ? null
                : byKey.values().stream().map(Dated::value).toList();
    }

    /** Key -> kept value. */
    Map<String, T> asMap() {
        Map<String, T> out = new LinkedHashMap<>();
        byKey.forEach((k, d) -> out.put(k, d.value()));
        return out;
    }
}
