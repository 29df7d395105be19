package io.crosscheck.authoring.replay.service;

import io.crosscheck.authoring.replay.model.ReplayOutcome;
import io.crosscheck.authoring.replay.model.ReplayReport.Kind;
import io.crosscheck.authoring.replay.model.ReplayReport.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts outcomes for one report section. Memory is bounded by the number of distinct kinds of
 * change, not by the number of subjects: only the first few examples of each kind are kept.
 */
final class Tally {
    private final int examplesPerKind;
    private int changed;
    private int unchanged;
    private int failed;
    private final Map<String, Counter> changes = new HashMap<>();
    private final Map<String, Counter> failures = new HashMap<>();

    Tally(int examplesPerKind) {
        this.examplesPerKind = examplesPerKind;
    }

    void add(ReplayOutcome outcome) {
        switch (outcome.status()) {
            case CHANGED -> {
                changed++;
                outcome.diff().kinds().forEach(kind -> count(changes, kind, outcome.subject()));
            }
            case UNCHANGED -> unchanged++;
            case FAILED -> {
                failed++;
                count(failures, outcome.failure(), outcome.subject());
            }
        }
    }

    Section section() {
        return new Section(changed + unchanged + failed, changed, unchanged, failed, kinds(changes), kinds(failures));
    }

    private void count(Map<String, Counter> into, String kind, String subject) {
        Counter c = into.computeIfAbsent(kind, k -> new Counter());
        c.count++;
        if (c.examples.size() < examplesPerKind) {
            c.examples.add(subject);
        }
    }

    private static Map<String, Kind> kinds(Map<String, Counter> counters) {
        Map<String, Kind> ordered = new LinkedHashMap<>();
        counters.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Counter> e) -> -e.getValue().count)
                        .thenComparing(Map.Entry::getKey))
                .forEach(e ->
                        ordered.put(e.getKey(), new Kind(e.getValue().count, List.copyOf(e.getValue().examples))));
        return Collections.unmodifiableMap(ordered);
    }

    private static final class Counter {
        int count;
        final List<String> examples = new ArrayList<>();
    }
}
