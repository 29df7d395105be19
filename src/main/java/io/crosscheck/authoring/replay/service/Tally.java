package io.crosscheck.authoring.replay.service;

import io.crosscheck.authoring.replay.model.ReplayOutcome;
import io.crosscheck.authoring.replay.model.ReplayReport.Kind;
import io.crosscheck.authoring.replay.model.ReplayReport.Section;
import io.crosscheck.authoring.replay.model.ScreeningDiff;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts outcomes for one report section. Memory is bounded by the number of distinct kinds of
 * change, not by the number of subjects: only the first few examples of each kind are kept.
 */
final class Tally {
    private static final int MAX_RULES = 20;
    private final int examplesPerKind;
    private int changed;
    private int unchanged;
    private int failed;
    private final Map<String, Counter> changes = new HashMap<>();
    private final Map<String, Counter> failures = new HashMap<>();
    /** Per rule, the subjects with a change it concluded: bounded by the number of rules. */
    private final Map<String, Integer> byRule = new HashMap<>();

    Tally(int examplesPerKind) {
        this.examplesPerKind = examplesPerKind;
    }

    void add(ReplayOutcome outcome) {
        switch (outcome.status()) {
            case CHANGED -> {
                changed++;
                outcome.diff().changes().forEach(change -> count(changes, change, outcome.subject()));
                outcome.diff().changes().stream()
                        .flatMap(change -> change.rules().stream())
                        .distinct()
                        .forEach(rule -> byRule.merge(rule, 1, Integer::sum));
            }
            case UNCHANGED -> unchanged++;
            case FAILED -> {
                failed++;
                count(failures, new ScreeningDiff.Change(outcome.failure(), null, null, null), outcome.subject());
            }
        }
    }

    Section section() {
        return new Section(
                changed + unchanged + failed,
                changed,
                unchanged,
                failed,
                kinds(changes),
                kinds(failures),
                Collections.unmodifiableMap(new TreeMap<>(byRule)));
    }

    private void count(Map<String, Counter> into, ScreeningDiff.Change change, String subject) {
        Counter c = into.computeIfAbsent(change.kind(), k -> new Counter(change));
        c.count++;
        for (String rule : change.rules()) {
            if (c.rules.size() < MAX_RULES) {
                c.rules.add(rule);
            }
        }
        if (c.examples.size() < examplesPerKind) {
            c.examples.add(subject);
        }
    }

    private static Map<String, Kind> kinds(Map<String, Counter> counters) {
        Map<String, Kind> ordered = new LinkedHashMap<>();
        counters.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Counter> e) -> -e.getValue().count)
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> ordered.put(e.getKey(), e.getValue().kind()));
        return Collections.unmodifiableMap(ordered);
    }

    private static final class Counter {
        final ScreeningDiff.Change first;
        int count;
        final List<String> examples = new ArrayList<>();
        final Set<String> rules = new TreeSet<>();

        Counter(ScreeningDiff.Change first) {
            this.first = first;
        }

        Kind kind() {
            return first.label() == null
                    ? new Kind(count, List.copyOf(examples))
                    : new Kind(count, List.copyOf(examples), first.label(), List.copyOf(rules), first.because());
        }
    }
}
