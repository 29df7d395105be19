package io.crosscheck.screening.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A client's history for charts, oldest screening first; thresholds are those of the knowledge base now serving. */
public record ClientHistory(
        String clientRef, String knowledgeBaseVersion, List<Series> series, List<PatternSeries> patterns) {

    /**
     * One measured quantity over time: {@code kind} observation, muscleLength, movement or symptom; {@code code}
     * the observation, muscle, movement test or symptom region; {@code side} when sided; {@code qualifier} the
     * symptom kind; label and unit from the vocabulary. An outcome measure (kind {@code outcome}, code the measure)
     * has its {@code scale}, and its thresholds mark the MCID either side of the first visit's score.
     */
    public record Series(
            String kind,
            String code,
            String side,
            String qualifier,
            String label,
            String unit,
            List<ThresholdLine> thresholds,
            List<Point> points,
            Scale scale) {

        /** A series without a fixed scale (a measurement). */
        public Series(
                String kind,
                String code,
                String side,
                String qualifier,
                String label,
                String unit,
                List<ThresholdLine> thresholds,
                List<Point> points) {
            this(kind, code, side, qualifier, label, unit, thresholds, points, null);
        }
    }

    /**
     * An outcome measure's scale: its range, which way is better ({@code lower}, {@code higher}), and the minimal
     * clinically important difference with its source.
     */
    public record Scale(double min, double max, String better, double mcid, String mcidNote) {}

    /** One measured value of a series. {@code createdAt} is when the screening (its first version) was made. */
    public record Point(UUID screeningId, Instant createdAt, double value) {}

    /** A reference line for a chart: the threshold from the reference data and the rules that use it with this measurement. */
    public record ThresholdLine(
            String id,
            String label,
            String comparator,
            double value,
            String unit,
            String note,
            List<ThresholdRule> rules) {}

    /** A rule that compares the measured value with a threshold. */
    public record ThresholdRule(String id, String name) {}

    /** One pattern's status over the client's screenings. */
    public record PatternSeries(String code, String name, List<StatusPoint> points) {}

    /** One pattern status of a screening. */
    public record StatusPoint(UUID screeningId, Instant createdAt, String status) {}
}
