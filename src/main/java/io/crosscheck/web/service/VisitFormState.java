package io.crosscheck.web.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.time.ClinicConfig;
import io.crosscheck.common.time.ClinicTime;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The screening form's visit, notes and carried-over sections for the page being built ({@code inject:visitForm} in
 * the templates {@code ScreeningPages/visitForm.html} and {@code visitNotesForm.html}): the values and errors the form
 * is shown with, and the carried-over sections a posted form left unconfirmed.
 */
@RequestScoped
@Named("visitForm")
public class VisitFormState {

    /** The visit card: its time at the clinic, the zone's name, the occupation, and what was carried over. */
    public record View(
            FormField at,
            String atDefault,
            String max,
            String zone,
            FormField occupation,
            FormField subjective,
            FormField goals,
            FormField treatment,
            Carried carried) {

        /** The visit's notes in the order the form asks them (the occupation is with the client). */
        public List<FormField> notes() {
            return List.of(subjective, goals, treatment);
        }
    }

    /** What a follow-up carried over from the previous visit: its screening and date, and each section. */
    public record Carried(
            String screeningId, String date, String dateLabel, String keys, List<CarriedSection> sections) {
        public boolean anyUnconfirmed() {
            return sections.stream().anyMatch(s -> !s.confirmed());
        }
    }

    /** One carried-over section: its tick box ({@code confirm.<key>}), whether ticked, and its error. */
    public record CarriedSection(String key, String sectionId, String label, boolean confirmed, String error) {}

    private final ClinicTime time;
    private final ClinicConfig clinic;
    private final KnowledgeBaseService knowledgeBases;
    private Map<String, String> values = Map.of();
    private Map<String, String> errors = Map.of();
    private List<FieldError> unconfirmed = List.of();

    VisitFormState(ClinicTime time, ClinicConfig clinic, KnowledgeBaseService knowledgeBases) {
        this.time = time;
        this.clinic = clinic;
        this.knowledgeBases = knowledgeBases;
    }

    /** The values and errors (by form field) the form is shown with. */
    void shown(Map<String, String> values, Map<String, String> errors) {
        this.values = new LinkedHashMap<>(values);
        this.errors = errors;
    }

    /** The carried-over sections the form just read left unconfirmed (refused before screening). */
    void unconfirmed(List<FieldError> problems) {
        this.unconfirmed = List.copyOf(problems);
    }

    List<FieldError> unconfirmed() {
        return unconfirmed;
    }

    public View view() {
        Instant now = Instant.now();
        String zone = time.shortZone(now);
        FormField at = field("visit.at", "Date and time of the visit (" + zone + ")");
        return new View(
                at,
                values.get("visit.default"),
                VisitForm.LOCAL.format(time.local(now.plus(clinic.visitClockTolerance()))),
                zone,
                field("notes.occupation", "Occupation"),
                field("notes.subjective", "Subjective: the client's account, in your words"),
                field("notes.goals", "Goals agreed"),
                field("notes.treatment", "Treatment given today"),
                carried());
    }

    /** The longest text a note takes (the API's limit), for the form's maxlength. */
    public int maxLength(String note) {
        return io.crosscheck.screening.model.Visit.Notes.MAX_LENGTH.getOrDefault(note, 0);
    }

    private Carried carried() {
        List<String> keys = VisitForm.carried(values);
        String id = values.get("carried.id");
        if (keys.isEmpty() || id == null) {
            return null;
        }
        List<CarriedSection> sections = new ArrayList<>();
        for (VisitForm.Section s : VisitForm.sections(knowledgeBases.current())) {
            if (keys.contains(s.key())) {
                sections.add(new CarriedSection(
                        s.key(),
                        s.sectionId(),
                        s.label(),
                        PostedValues.isChecked(values.get("confirm." + s.key())),
                        errors.get("confirm." + s.key())));
            }
        }
        String date = values.getOrDefault("carried.date", "");
        return new Carried(id, date, VisitForm.day(date), String.join(",", keys), List.copyOf(sections));
    }

    private FormField field(String name, String label) {
        return new FormField(name, label, values.get(name), errors.get(name), null, null, null, null, List.of());
    }
}
