package io.crosscheck.engine.outcome;

import io.crosscheck.engine.outcome.OutcomeMeasures.Measure;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one outcome measure from its item scores, as its authors publish the scoring: the one item (pain NRS), the
 * mean of the activities' ratings (PSFS), or the sum as a percentage of the maximum for the items answered (ODI, NDI:
 * {@code sum / (itemMax x answered) x 100}, with at most {@code maxMissing} items unanswered). Checks every item
 * against the measure's range and reports every problem, each at the item's index; nothing is scored then.
 */
public final class OutcomeScoring {

    private OutcomeScoring() {}

    /** A problem with one item ({@code index}) or with the items as a whole ({@code index} null). */
    public record Problem(Integer index, String message, Object rejected) {}

    /** A score, or the problems that keep the measure from being scored. */
    public record Scored(Double score, int answered, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param items the item scores in the instrument's order (null: unanswered)
     * @param activities the activities the client named (measures the client names the items of), else null
     */
    public static Scored score(Measure m, List<Double> items, List<String> activities) {
        List<Problem> problems = new ArrayList<>();
        List<Double> values = items == null ? List.of() : items;
        if (m.namedByClient()) {
            int n = activities == null ? 0 : activities.size();
            if (values.isEmpty() || values.size() > m.itemCount()) {
                problems.add(new Problem(null, "rate 1 to " + m.itemCount() + " activities", values.size()));
            } else if (n != values.size()) {
                problems.add(new Problem(
                        null, "name each activity rated: " + values.size() + " ratings, " + n + " activities", n));
            }
        } else if (values.size() != m.items().size()) {
            problems.add(new Problem(
                    null,
                    "give all " + m.items().size() + " items in order (null for one not answered)",
                    values.size()));
        }
        int answered = 0;
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null) {
                continue;
            }
            if (v < m.itemMin() || v > m.itemMax() || v != Math.rint(v)) {
                problems.add(new Problem(i, "a whole number from " + m.itemMin() + " to " + m.itemMax(), v));
                continue;
            }
            answered++;
            sum += v;
        }
        long missing = values.stream().filter(java.util.Objects::isNull).count();
        if (problems.isEmpty() && missing > m.maxMissing()) {
            problems.add(new Problem(
                    null,
                    m.maxMissing() == 0
                            ? "every item must be answered to score " + m.shortName()
                            : "at most " + m.maxMissing() + " item may be left unanswered to score " + m.shortName(),
                    missing));
        }
        if (!problems.isEmpty() || answered == 0) {
            return new Scored(null, answered, problems);
        }
        double score = switch (m.scoring()) {
            case single -> sum;
            case mean -> sum / answered;
            case percent -> sum / (m.itemMax() * (double) answered) * 100.0;
        };
        return new Scored(round(score), answered, problems);
    }

    /** One decimal place, as the instruments report. */
    static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    /**
     * The change from a previous score, signed so that a positive number is an improvement whichever way the
     * measure improves; null without a previous score.
     */
    public static Double improvement(Measure m, double score, Double previous) {
        if (previous == null) {
            return null;
        }
        double change = m.better() == OutcomeMeasures.Better.lower ? previous - score : score - previous;
        return round(change);
    }
}
