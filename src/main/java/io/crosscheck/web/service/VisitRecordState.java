package io.crosscheck.web.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.common.time.ClinicTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The visit of the screening a result page or report shows ({@code inject:visitRecord} in
 * {@code ScreeningPages/visitNotes.html}): its date and time at the clinic, how long the client has been in care, and
 * the clinician's notes, from the stored request the page already read ({@link WebScreenings#view}).
 */
@RequestScoped
@Named("visitRecord")
public class VisitRecordState {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** The visit as the page shows it; a note not recorded is null. */
    public record View(
            String at,
            String inCareSince,
            Long daysInCare,
            String occupation,
            String subjective,
            String goals,
            String treatment) {

        public boolean hasNotes() {
            return occupation != null || subjective != null || goals != null || treatment != null;
        }
    }

    private final ClinicTime time;
    private View view;

    VisitRecordState(ClinicTime time) {
        this.time = time;
    }

    /** Remembers the visit of the screening shown. */
    void remember(WebScreenings.Stored stored) {
        JsonNode visit = stored.request().path("visit");
        java.time.Instant at = stored.screening().screened();
        if (visit.hasNonNull("at")) {
            try {
                at = OffsetDateTime.parse(visit.path("at").asText()).toInstant();
            } catch (DateTimeParseException e) {
                // a stored time is always readable; keep the screening's
            }
        }
        LocalDate since = null;
        if (visit.hasNonNull("inCareSince")) {
            since = LocalDate.parse(visit.path("inCareSince").asText());
        }
        JsonNode notes = visit.path("notes");
        view = new View(
                time.format(at),
                since == null ? null : DAY.format(since),
                since == null ? null : ChronoUnit.DAYS.between(since, time.date(at)),
                text(notes, "occupation"),
                text(notes, "subjective"),
                text(notes, "goals"),
                text(notes, "treatment"));
    }

    /** The visit of the screening shown; null before one was read. */
    public View view() {
        return view;
    }

    /** "20 Nov 2026". */
    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** A measured value as entered: 44, 12.5; a dash when there is none. */
    public String plain(Double value) {
        return value == null ? "–" : io.crosscheck.engine.input.InputDefinition.plain(value);
    }

    /** A change with its sign: +4, -2.5, 0. */
    public String signed(Double change) {
        if (change == null) {
            return "";
        }
        return (change > 0 ? "+" : change < 0 ? "−" : "") + plain(Math.abs(change));
    }

    /** A finding's change in words. */
    public String findingChange(String change) {
        return switch (change) {
            case "appeared" -> "new since the last visit";
            case "resolved" -> "resolved (tested again, not found)";
            default -> "not re-examined today (nothing known of it)";
        };
    }

    private static String text(JsonNode notes, String name) {
        JsonNode n = notes.path(name);
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
