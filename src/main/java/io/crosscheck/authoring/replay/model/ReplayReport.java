package io.crosscheck.authoring.replay.model;

import io.crosscheck.screening.store.ScreeningFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The impact of a candidate knowledge base: stored screenings and the scenario suite, each
 * evaluated under the current and the candidate knowledge base, with counts per kind of change and
 * a few examples of each. Serialised as JSON by the API; {@link #toText()} is the readable form
 * printed by {@code bin/replay} and served as {@code report.txt}.
 *
 * @param startedAt    when the replay started; stored screenings created later are not included
 * @param durationMillis how long evaluation took
 * @param scenarioExpectationsNotMet scenario expectations the candidate breaks ({@code file: failure})
 */
public record ReplayReport(
        KnowledgeBases knowledgeBases,
        ScreeningFilter filter,
        Instant startedAt,
        long durationMillis,
        Section screenings,
        Section scenarios,
        List<String> scenarioExpectationsNotMet) {

    public ReplayReport {
        scenarioExpectationsNotMet = List.copyOf(scenarioExpectationsNotMet);
    }

    /** The two knowledge bases compared. */
    public record KnowledgeBases(KnowledgeBaseRef current, KnowledgeBaseRef candidate) {}

    /** A knowledge base by version (content hash), where it was read from, and its number of rules. */
    public record KnowledgeBaseRef(String version, String origin, int rules) {}

    /**
     * Totals for one kind of subject (stored screenings or scenarios): {@code evaluated = changed +
     * unchanged + failed}. {@code changes} counts subjects per kind of change (a subject with two
     * kinds of change counts under both), {@code failures} per kind of failure; both are ordered by
     * count, most frequent first.
     */
    public record Section(
            int evaluated,
            int changed,
            int unchanged,
            int failed,
            Map<String, Kind> changes,
            Map<String, Kind> failures,
            Map<String, Integer> changedByRule) {

        /** {@code changedByRule}: per rule, the subjects with a change that rule concluded on either side. */
        public Section {
            changedByRule = changedByRule == null ? Map.of() : changedByRule;
        }

        public Section(
                int evaluated,
                int changed,
                int unchanged,
                int failed,
                Map<String, Kind> changes,
                Map<String, Kind> failures) {
            this(evaluated, changed, unchanged, failed, changes, failures, Map.of());
        }

        /**
         * Only the changes involving this rule (kinds whose rules include it); {@code changed} counts the subjects with
         * such a change (reports stored before {@code changedByRule} was kept: at least the largest kind's count).
         */
        public Section involving(String rule) {
            Map<String, Kind> kept = new java.util.LinkedHashMap<>();
            changes.forEach((kind, k) -> {
                if (k.rules() != null && k.rules().contains(rule)) {
                    kept.put(kind, k);
                }
            });
            int n = changedByRule.isEmpty()
                    ? kept.values().stream().mapToInt(Kind::count).max().orElse(0)
                    : changedByRule.getOrDefault(rule, 0);
            return new Section(
                    evaluated,
                    n,
                    evaluated - n - failed,
                    failed,
                    java.util.Collections.unmodifiableMap(kept),
                    failures,
                    changedByRule.containsKey(rule) ? Map.of(rule, n) : Map.of());
        }
    }

    /** The report with only the changes involving this rule, in both sections ({@link Section#involving}). */
    public ReplayReport involving(String rule) {
        return new ReplayReport(
                knowledgeBases,
                filter,
                startedAt,
                durationMillis,
                screenings.involving(rule),
                scenarios.involving(rule),
                scenarioExpectationsNotMet);
    }

    /**
     * How many subjects show one kind of change or failure, and the first few of them; for a change also what
     * it is in clinical words (as in its first example), the rules behind it (in any example) and what the
     * first example's item rests on. Reports stored before these were kept read them as null.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Kind(int count, List<String> examples, String label, List<String> rules, String because) {
        public Kind(int count, List<String> examples) {
            this(count, examples, null, null, null);
        }
    }

    /** The report as plain text. */
    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append("Replay of a candidate knowledge base\n");
        s.append("  current:    ").append(describe(knowledgeBases.current())).append('\n');
        s.append("  candidate:  ").append(describe(knowledgeBases.candidate())).append('\n');
        s.append("  screenings: ")
                .append(filter.describe())
                .append(", created before ")
                .append(startedAt)
                .append('\n');
        s.append(String.format(
                Locale.ROOT,
                "  took %.1f s%n",
                Duration.ofMillis(durationMillis).toMillis() / 1000.0));
        section(s, "Stored screenings", screenings);
        section(s, "Scenarios", scenarios);
        if (!scenarioExpectationsNotMet.isEmpty()) {
            s.append("\nScenario expectations the candidate does not meet (")
                    .append(scenarioExpectationsNotMet.size())
                    .append("):\n");
            scenarioExpectationsNotMet.forEach(f -> s.append("  ").append(f).append('\n'));
        }
        return s.toString();
    }

    private static String describe(KnowledgeBaseRef kb) {
        return kb.version() + " (" + kb.rules() + " rules, from " + kb.origin() + ")";
    }

    private static void section(StringBuilder s, String title, Section section) {
        s.append('\n')
                .append(String.format(
                        Locale.ROOT,
                        "%s: %d evaluated, %d changed, %d unchanged, %d failed to evaluate%n",
                        title,
                        section.evaluated(),
                        section.changed(),
                        section.unchanged(),
                        section.failed()));
        kinds(s, "changes", section.changes());
        kinds(s, "failed to evaluate", section.failures());
    }

    private static void kinds(StringBuilder s, String heading, Map<String, Kind> kinds) {
        if (kinds.isEmpty()) {
            return;
        }
        s.append("  ").append(heading).append(" (count, kind, examples):\n");
        kinds.forEach((kind, k) -> {
            s.append(String.format(Locale.ROOT, "  %7d  %s%n", k.count(), kind));
            if (k.label() != null) {
                s.append("           ").append(k.label()).append('\n');
            }
            if (k.rules() != null && !k.rules().isEmpty()) {
                s.append("           rules: ")
                        .append(String.join(", ", k.rules()))
                        .append('\n');
            }
            if (k.because() != null && !k.because().isBlank()) {
                s.append("           because: ").append(k.because()).append('\n');
            }
            if (!k.examples().isEmpty()) {
                s.append("           e.g. ")
                        .append(String.join(", ", k.examples()))
                        .append('\n');
            }
        });
    }
}
