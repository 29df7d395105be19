package io.crosscheck.web.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.time.ClinicTime;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.input.InputSection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The form's visit fields and its carried-over sections, both ways. {@code visit.at} is a date and time at the clinic
 * (a {@code datetime-local} value), sent only when the clinician changed it from the value the form was opened with
 * ({@code visit.default}): otherwise the server dates a new screening now and an amendment as the visit was. The notes
 * are {@code notes.occupation}, {@code notes.subjective}, {@code notes.goals} and {@code notes.treatment}.
 *
 * <p>A follow-up opened from the client's last screening carries that screening's findings over ({@code carried.id},
 * {@code carried.date}, {@code carried.sections}); each carried section is sent only as today's finding once the
 * clinician ticks {@code confirm.<section>}. A section still holding values and not confirmed refuses the submit,
 * named at its tick box ({@link #unconfirmed}); a section cleared is simply not recorded.
 */
public final class VisitForm {

    /** A {@code datetime-local} value: minutes, no zone. */
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** The notes, by form field suffix and JSON member (the same). */
    public static final List<String> NOTES = List.of("occupation", "subjective", "goals", "treatment");

    private VisitForm() {}

    /**
     * A section of the form that a follow-up carries over from the previous visit: its key ({@code confirm.<key>}),
     * the form section's id, its name, and the request member that holds it.
     */
    public record Section(String key, String sectionId, String label, String member) {}

    /** The sections carried over: the client, symptoms, the examination and every answer section but the health screen. */
    public static List<Section> sections(KnowledgeBase kb) {
        List<Section> out = new ArrayList<>();
        out.add(new Section("client", "sec-client", "Client (age, sex, occupation)", "client"));
        out.add(new Section("symptoms", "sec-symptoms", "Symptoms", "symptoms"));
        for (InputSection s : kb.reference().inputs().sections()) {
            if (!s.isHealthScreen() && !s.code().equals("client")) {
                out.add(new Section(s.code(), "sec-" + s.code(), s.label(), s.code()));
            }
        }
        out.add(new Section("posture", "sec-posture", "Posture", "observations"));
        out.add(new Section("length", "sec-length", "Muscle length", "muscleLength"));
        out.add(new Section("movement", "sec-movement", "Movement patterns", "movementPatterns"));
        return out;
    }

    /** Reads the visit's fields and the carried-over follow-up into the request read from the form. */
    static void read(ClinicTime time, Map<String, String> form, ScreeningForm.Read read) {
        ObjectNode req = read.request();
        Map<String, String> pointers = read.fieldOfPointer();
        ObjectNode visit = req.objectNode();
        String at = PostedValues.text(form, "visit.at").orElse(null);
        if (at != null && !at.equals(PostedValues.text(form, "visit.default").orElse(null))) {
            try {
                visit.put(
                        "at",
                        time.instant(LocalDateTime.parse(at, LOCAL))
                                .atZone(time.zone())
                                .toOffsetDateTime()
                                .toString());
            } catch (DateTimeParseException e) {
                visit.put("at", at); // the API names it as a date and time it cannot read
            }
        }
        ObjectNode notes = req.objectNode();
        for (String n : NOTES) {
            String text = form.get("notes." + n);
            if (text != null && !text.isBlank()) {
                notes.put(n, text.strip());
                pointers.put("/visit/notes/" + n, "notes." + n);
            }
        }
        if (!notes.isEmpty()) {
            visit.set("notes", notes);
        }
        if (!visit.isEmpty()) {
            req.set("visit", visit);
        }
        pointers.put("/visit", "visit.at");
        pointers.put("/visit/at", "visit.at");
        pointers.put("/visit/inCareSince", "visit.at");
        PostedValues.text(form, "carried.id").ifPresent(id -> {
            ObjectNode followUp = req.has("followUp") ? (ObjectNode) req.get("followUp") : req.putObject("followUp");
            followUp.putObject("previous").put("screeningId", id);
        });
    }

    /**
     * The carried-over sections the form still holds values in and the clinician did not confirm: each a 422 naming
     * {@code /carried/<key>}, which the form shows at the section's tick box.
     */
    static List<FieldError> unconfirmed(KnowledgeBase kb, Map<String, String> form, ScreeningForm.Read read) {
        List<String> carried = carried(form);
        List<FieldError> errors = new ArrayList<>();
        if (carried.isEmpty()) {
            return errors;
        }
        String date = day(form.get("carried.date"));
        for (Section s : sections(kb)) {
            if (!carried.contains(s.key()) || PostedValues.isChecked(form.get("confirm." + s.key()))) {
                continue;
            }
            read.fieldOfPointer().put("/carried/" + s.key(), "confirm." + s.key());
            if (holds(read.request(), s)) {
                errors.add(new FieldError(
                        "/carried/" + s.key(),
                        s.label() + " is carried over from the visit of " + date
                                + ": tick “Still true today” if it is today's finding, or change or clear it"));
            }
        }
        return errors;
    }

    /** Whether the request holds anything of a section (the client's required age apart from its other answers). */
    static boolean holds(ObjectNode req, Section s) {
        JsonNode part = req.path(s.member());
        boolean any = part.isContainerNode() && !part.isEmpty();
        if (s.key().equals("client")) {
            any = any || req.path("visit").path("notes").has("occupation");
        }
        return any;
    }

    static List<String> carried(Map<String, String> form) {
        String keys = form.get("carried.sections");
        return keys == null || keys.isBlank() ? List.of() : Arrays.asList(keys.split(","));
    }

    /** The form values of a stored request's visit: its time at the clinic (as the value and the default) and notes. */
    static void values(ClinicTime time, JsonNode request, Instant screened, Map<String, String> out) {
        JsonNode visit = request.path("visit");
        Instant at = screened;
        if (visit.hasNonNull("at")) {
            try {
                at = OffsetDateTime.parse(visit.path("at").asText()).toInstant();
            } catch (DateTimeParseException e) {
                // a stored time is always readable; keep the screening's
            }
        }
        if (at != null) {
            String local = LOCAL.format(time.local(at));
            out.put("visit.at", local);
            out.put("visit.default", local);
        }
        for (String n : NOTES) {
            JsonNode text = visit.path("notes").path(n);
            if (text.isTextual()) {
                out.put("notes." + n, text.asText());
            }
        }
    }

    /** Now at the clinic, as a new form's visit time and its default. */
    static void now(ClinicTime time, Map<String, String> out) {
        if (!out.containsKey("visit.default")) {
            String local = LOCAL.format(time.local(Instant.now().truncatedTo(ChronoUnit.MINUTES)));
            out.putIfAbsent("visit.at", local);
            out.put("visit.default", local);
        }
    }

    /** "20 Nov 2026" for an ISO date; the text itself when it is not one. */
    static String day(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return DAY.format(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
