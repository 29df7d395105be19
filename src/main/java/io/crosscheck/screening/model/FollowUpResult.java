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
public record FollowUpResult(Previous previous, List<Outcome> outcomes, List<Item> programme) {

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
