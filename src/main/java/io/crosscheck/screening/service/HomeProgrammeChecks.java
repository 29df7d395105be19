package io.crosscheck.screening.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.validation.PlainTextValidator;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.screening.model.HomeProgrammeChoice.Item;
import io.crosscheck.screening.model.HomeProgrammeChoice.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of a sheet edit, each naming its field: the version it is based on, each item's id (a home exercise of
 * this screening's plan, listed once), each part of its dose (plain text of at most {@value #DOSE_MAX} characters) and
 * the note (plain text of at most {@value #NOTE_MAX}). A blank dose part prints the catalogue's client dose for it.
 */
final class HomeProgrammeChecks {

    static final int DOSE_MAX = 120;
    static final int NOTE_MAX = 1000;

    private HomeProgrammeChecks() {}

    static List<FieldError> check(Request request, List<HomeProgramme.Exercise> plan) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("/", "a body with basedOn, items and note is required"));
            return errors;
        }
        if (request.basedOn() == null) {
            errors.add(new FieldError("/basedOn", "is required: the version the edit was made from (0 before any)"));
        } else if (request.basedOn() < 0) {
            errors.add(new FieldError("/basedOn", "must be 0 or more", request.basedOn()));
        }
        Set<String> ids = plan.stream().map(HomeProgramme.Exercise::id).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        List<Item> items = request.items() == null ? List.of() : request.items();
        for (int n = 0; n < items.size(); n++) {
            Item i = items.get(n);
            String at = "/items/" + n;
            if (i == null) {
                errors.add(new FieldError(at, "is empty"));
                continue;
            }
            if (i.id() == null || i.id().isBlank()) {
                errors.add(new FieldError(at + "/id", "is required"));
            } else if (!ids.contains(i.id())) {
                errors.add(new FieldError(
                        at + "/id",
                        "is not a home exercise of this screening's plan; it has: "
                                + (ids.isEmpty()
                                        ? "none"
                                        : String.join(
                                                ", ",
                                                plan.stream()
                                                        .map(HomeProgramme.Exercise::id)
                                                        .toList())),
                        i.id()));
            } else if (!seen.add(i.id())) {
                errors.add(new FieldError(at + "/id", "is listed twice", i.id()));
            }
            if (i.dose() != null) {
                parts(i.dose()).forEach((part, value) -> text(errors, at + "/dose/" + part, value, DOSE_MAX));
            }
        }
        text(errors, "/note", request.note(), NOTE_MAX);
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (!PlainTextValidator.check(errors, field, value)) {
            return;
        }
        if (value.strip().length() > max) {
            errors.add(new FieldError(
                    field,
                    "must be at most " + max + " characters",
                    value.strip().length()));
        }
    }

    private static Map<String, String> parts(HomeProgramme.Dose d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sets", d.sets());
        m.put("repeat", d.repeat());
        m.put("hold", d.hold());
        m.put("often", d.often());
        return m;
    }

    /** The dose with each part stripped and blank parts left out; null when no part is given. */
    static HomeProgramme.Dose stripped(HomeProgramme.Dose d) {
        if (d == null) {
            return null;
        }
        HomeProgramme.Dose s = new HomeProgramme.Dose(
                strippedPart(d.sets()), strippedPart(d.repeat()), strippedPart(d.hold()), strippedPart(d.often()));
        return empty(s) ? null : s;
    }

    static String strippedNote(String note) {
        return strippedPart(note);
    }

    private static String strippedPart(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean empty(HomeProgramme.Dose d) {
        return d.sets() == null && d.repeat() == null && d.hold() == null && d.often() == null;
    }

    /** The clinician's parts of the dose over the catalogue's client dose. */
    static HomeProgramme.Dose over(HomeProgramme.Dose mine, HomeProgramme.Dose catalogue) {
        if (mine == null) {
            return catalogue;
        }
        HomeProgramme.Dose c = catalogue == null ? new HomeProgramme.Dose(null, null, null, null) : catalogue;
        return new HomeProgramme.Dose(
                mine.sets() != null ? mine.sets() : c.sets(),
                mine.repeat() != null ? mine.repeat() : c.repeat(),
                mine.hold() != null ? mine.hold() : c.hold(),
                mine.often() != null ? mine.often() : c.often());
    }
}
