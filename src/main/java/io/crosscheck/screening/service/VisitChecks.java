package io.crosscheck.screening.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.screening.model.Visit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks of a request's visit that its annotations cannot express, each a 422 naming the field: a note longer than
 * its limit ({@link Visit.Notes#MAX_LENGTH}; the message gives the lengths, never the text), a visit in the future
 * beyond the clock tolerance (checked only where the service's clock is known: a stored request replayed later is not
 * refused for it), and a care start after the visit.
 */
final class VisitChecks {

    private VisitChecks() {}

    /**
     * @param now the server's clock, or null where none applies (reading stored requests)
     * @param tolerance how far ahead of {@code now} a visit may be
     */
    static List<FieldError> problems(Visit visit, Instant now, Duration tolerance) {
        List<FieldError> errors = new ArrayList<>();
        if (visit == null) {
            return errors;
        }
        if (visit.notes() != null) {
            Map<String, String> given = new java.util.LinkedHashMap<>();
            given.put("occupation", visit.notes().occupation());
            given.put("subjective", visit.notes().subjective());
            given.put("goals", visit.notes().goals());
            given.put("treatment", visit.notes().treatment());
            given.forEach((name, text) -> {
                int max = Visit.Notes.MAX_LENGTH.get(name);
                if (text != null && text.length() > max) {
                    errors.add(new FieldError(
                            "/visit/notes/" + name, "at most " + max + " characters (" + text.length() + " given)"));
                }
            });
        }
        if (visit.at() != null && now != null && visit.at().toInstant().isAfter(now.plus(tolerance))) {
            errors.add(new FieldError(
                    "/visit/at",
                    "the visit is in the future: a date and time up to " + tolerance.toMinutes()
                            + " minutes ahead of now is accepted"));
        }
        if (visit.at() != null
                && visit.inCareSince() != null
                && visit.inCareSince().isAfter(visit.at().toLocalDate())) {
            errors.add(new FieldError(
                    "/visit/inCareSince",
                    "must be on or before the visit's date (" + visit.at().toLocalDate() + ")"));
        }
        return errors;
    }
}
