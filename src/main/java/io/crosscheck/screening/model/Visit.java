package io.crosscheck.screening.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.crosscheck.common.validation.PlainText;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The visit a screening records: when it took place, since when the client has been in the clinic's care, and the
 * clinician's free-text notes.
 *
 * <p>{@code at}: the date and time of the visit (ISO 8601 with an offset); left out, the server records when it received
 * the screening (an amendment: the visit's time as it was). The server writes it in the clinic's time zone
 * ({@code crosscheck.clinic.time-zone}); it may not be in the future beyond a few minutes. {@code inCareSince}: the date of
 * the client's first visit in the clinic, filled in by the server from the stored screenings (a caller may send the start
 * of the episode of care where the server has none); the rules read it only to know how long the client has been in care.
 *
 * <p>{@code notes} are free text kept with the screening, exported and erased with the client, and never read by the
 * rules (they are not turned into facts) nor written to the log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Visit(
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        OffsetDateTime at,

        LocalDate inCareSince,
        @Valid Notes notes) {

    /**
     * The clinician's notes of the visit, each plain text of a limited length: the client's occupation (about the client:
     * carried over to the next visit's form like age and sex), the subjective history in the clinician's words, the goals
     * agreed, and the treatment given today.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notes(
            @PlainText String occupation,
            @PlainText String subjective,
            @PlainText String goals,
            @PlainText String treatment) {

        /** The longest text each note takes, in characters, by JSON member. */
        public static final Map<String, Integer> MAX_LENGTH =
                Map.of("occupation", 120, "subjective", 2000, "goals", 1000, "treatment", 2000);

        /** Each note given (not blank), by JSON member, in the order above. */
        @JsonIgnore
        public Map<String, String> given() {
            Map<String, String> out = new LinkedHashMap<>();
            put(out, "occupation", occupation);
            put(out, "subjective", subjective);
            put(out, "goals", goals);
            put(out, "treatment", treatment);
            return out;
        }

        private static void put(Map<String, String> out, String name, String text) {
            if (text != null && !text.isBlank()) {
                out.put(name, text);
            }
        }
    }

    /** The same visit at another time and care start. */
    public Visit with(OffsetDateTime at, LocalDate inCareSince) {
        return new Visit(at, inCareSince, notes);
    }

    /** The notes given, by JSON member (empty without notes). */
    public Map<String, String> notesGiven() {
        return notes == null ? Map.of() : notes.given();
    }
}
