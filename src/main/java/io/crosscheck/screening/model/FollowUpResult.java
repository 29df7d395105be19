package io.crosscheck.screening.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The outcome measures of a screening, scored by the server, each compared with the previous visit against its minimal
 * clinically important difference (MCID); and, at a follow-up, what the client reported about each exercise of the
 * previous home programme. Absent from a result that recorded neither.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpResult(
        Previous previous, List<Outcome> outcomes, List<Item> programme, SinceLastVisit sinceLastVisit) {

    /** A section without the changes since the last visit (a result stored before they were shown). */
    public FollowUpResult(Previous previous, List<Outcome> outcomes, List<Item> programme) {
        this(previous, outcomes, programme, null);
    }

    /**
     * What changed since the previous visit, beside the outcome measures: each pattern's status then and now, the
     * findings that appeared or resolved ({@code resolved}: the test that found it was done again and found it no more;
     * {@code not_reexamined}: it was not tested this time, so nothing is known of it), and each measured value then and
     * now with the change ({@code now - before}, in the unit; null when measured at one visit only).
     */
    public record SinceLastVisit(
            List<PatternChange> patterns, List<FindingChange> findings, List<MeasureChange> measures) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isEmpty() {
            return patterns.isEmpty() && findings.isEmpty() && measures.isEmpty();
        }
    }

    /** A pattern's status at the previous visit ({@code before}; null: not concluded then) and now. */
    public record PatternChange(String code, String name, String before, String now) {
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean changed() {
            return !java.util.Objects.equals(before, now);
        }
    }

    /** A finding that appeared, resolved or was not re-examined, with its label and side. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingChange(String code, String label, String side, String change) {}

    /** One measured quantity at both visits (either may be null: not measured then). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasureChange(
            String kind,
            String code,
            String side,
            String qualifier,
            String label,
            String unit,
            Double before,
            Double now,
            Double change) {}

    /** The previous visit compared with: its screening (null when the caller sent it) and date. */
    public record Previous(UUID screeningId, LocalDate date) {}

    /**
     * One measure: its score in {@code unit} over {@code min}-{@code max} ({@code better}: lower or higher),
     * the previous visit's score, the {@code improvement} (positive is better), the MCID, and {@code change}:
     * {@code important_improvement}, {@code important_worsening} (the change reaches the MCID), {@code within_mcid},
     * or null without a previous score. {@code ref}: the request's items.
     */
    public record Outcome(
            String measure,
            String name,
            String shortName,
            double score,
            String unit,
            double min,
            double max,
            String better,
            Double previousScore,
            Double improvement,
            double mcid,
            String mcidNote,
            String change,
            String ref) {}

    /** One exercise of the previous programme: how often it was done and how it was tolerated (codes and labels). */
    public record Item(
            String intervention,
            String name,
            String done,
            String doneLabel,
            String tolerance,
            String toleranceLabel,
            String ref) {}

    /** How a change compares with the MCID: null without a previous score. */
    public static String change(Double improvement, double mcid) {
        if (improvement == null) {
            return null;
        }
        if (improvement >= mcid) {
            return "important_improvement";
        }
        return improvement <= -mcid ? "important_worsening" : "within_mcid";
    }
}
