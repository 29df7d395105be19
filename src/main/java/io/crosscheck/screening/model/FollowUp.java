package io.crosscheck.screening.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A follow-up visit: the previous visit the rules compare with, and what the client reports about each exercise of
 * its home programme ({@code done}, {@code tolerance}: codes of {@code rules/reference/outcome-measures.yaml}).
 *
 * <p>{@code previous} is filled in by the server from the client's latest earlier screening in the clinic (its outcome
 * scores and the exercises that went home), and stored with the request, so a replay compares with the same visit. A
 * caller sends {@code previous} only where the server has no earlier screening of the client (an EHR that keeps the
 * history) or to confirm the one the server found (an amendment sends back what it got).
 */
public record FollowUp(
        @Valid PreviousVisit previous, @Size(max = 20) List<@NotNull @Valid Item> items) {

    public List<Item> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }

    /** One exercise of the previous home programme and what the client reports about it. */
    public record Item(@NotBlank String intervention, String done, String tolerance) {}

    /**
     * The previous visit: which screening it was (null when an EHR sends it), its date, its outcome scores by measure
     * code, and the exercises that went home; and what the result shows as changed since then: each pattern's status
     * then ({@code patterns}, by pattern code), the findings that counted then, and the values measured then.
     */
    public record PreviousVisit(
            UUID screeningId,
            LocalDate date,
            @Size(max = 10) Map<@NotBlank String, @NotNull Double> scores,
            @Size(max = 40) List<@NotBlank String> programme,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 20)
            Map<@NotBlank String, @NotBlank String> patterns,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 200)
            List<@NotNull @Valid FindingSeen> findings,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 200)
            List<@NotNull @Valid Measured> measures) {

        /** A previous visit without what changed since (its outcome scores and programme only). */
        public PreviousVisit(UUID screeningId, LocalDate date, Map<String, Double> scores, List<String> programme) {
            this(screeningId, date, scores, programme, null, null, null);
        }

        public Map<String, Double> scoresOrEmpty() {
            return scores == null ? Map.of() : scores;
        }

        public List<String> programmeOrEmpty() {
            return programme == null ? List.of() : programme;
        }

        public Map<String, String> patternsOrEmpty() {
            return patterns == null ? Map.of() : patterns;
        }

        public List<FindingSeen> findingsOrEmpty() {
            return findings == null ? List.of() : findings;
        }

        public List<Measured> measuresOrEmpty() {
            return measures == null ? List.of() : measures;
        }
    }

    /** A finding that counted towards a pattern at the previous visit, and its side when sided. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingSeen(@NotBlank String code, String side) {}

    /**
     * A value measured at the previous visit: {@code kind} observation, muscleLength, movement or symptom (the NRS);
     * {@code code} the observation, muscle, test or symptom region; {@code qualifier} the symptom's kind.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Measured(
            @NotBlank String kind,
            @NotBlank String code,
            String side,
            String qualifier,
            @NotNull Double value,
            @NotBlank String unit) {}
}
