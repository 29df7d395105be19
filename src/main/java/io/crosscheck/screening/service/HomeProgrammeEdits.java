package io.crosscheck.screening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.HomeProgrammeEdit;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.HomeProgrammeChoice.Item;
import io.crosscheck.screening.model.HomeProgrammeChoice.ItemView;
import io.crosscheck.screening.model.HomeProgrammeChoice.Request;
import io.crosscheck.screening.model.HomeProgrammeChoice.VersionSummary;
import io.crosscheck.screening.model.HomeProgrammeChoice.View;
import io.crosscheck.screening.model.ScreeningResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The clinician's edit of a screening's take-home sheet before printing: which home exercises of the plan go home,
 * the dose of each in the client's words, and a personal note. Kept with the screening of the caller's clinic,
 * versioned like an amendment (every save is the next version, made from the latest: a save based on an older version
 * is a 409) and audited ({@code screening.sheet.edit}, without the note's text). Only the latest version of an amended
 * screening is edited, and nothing is chosen while a referral withholds exercise.
 */
@ApplicationScoped
public class HomeProgrammeEdits {

    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {};

    private final ScreeningStore store;
    private final KnowledgeBaseService knowledgeBases;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clock.systemUTC();
    private final StoredDocuments documents;

    HomeProgrammeEdits(
            ScreeningStore store,
            KnowledgeBaseService knowledgeBases,
            ObjectMapper mapper,
            Caller caller,
            Event<AuditEvent> audit,
            StoredDocuments documents) {
        this.store = store;
        this.documents = documents;
        this.knowledgeBases = knowledgeBases;
        this.mapper = mapper;
        this.caller = caller;
        this.audit = audit;
    }

    /** The current choice of a screening of the caller's clinic (version 0 before any edit); empty when there is none. */
    @Transactional
    public Optional<View> current(UUID id) {
        return store.find(id).map(s -> view(s, result(s), HomeProgrammeEdit.versions(s.clinicId, s.id)));
    }

    /**
     * The latest saved choice of a screening already read by the caller (for its sheet): empty before any edit.
     *
     * @return the items by exercise id and the note
     */
    @Transactional
    public Optional<Saved> latest(Screening s) {
        return HomeProgrammeEdit.latest(s.clinicId, s.id).map(e -> new Saved(byId(items(e)), e.note));
    }

    /** The clinician's parts of a dose over the catalogue's client dose (a part they left blank is the catalogue's). */
    public static HomeProgramme.Dose over(HomeProgramme.Dose mine, HomeProgramme.Dose catalogue) {
        return HomeProgrammeChecks.over(mine, catalogue);
    }

    /** A saved choice: the items by exercise id (only those the clinician listed) and the note. */
    public record Saved(Map<String, Item> items, String note) {}

    /**
     * Saves the next version of a screening's choice, made from the current one: items not listed keep their state.
     *
     * @throws NotFoundException       no such screening in the caller's clinic
     * @throws InvalidRequestException 422 naming each bad field (nothing is stored); 409 when the screening is amended,
     *                                 exercise is withheld, or a newer version was saved since {@code basedOn}
     */
    @Transactional
    public View save(UUID id, Request request) {
        String clinic = store.clinic();
        Screening s = Screening.<Screening>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(x -> x.clinicId.equals(clinic))
                .orElseThrow(NotFoundException::new);
        Optional<Screening> newer = store.supersededBy(s.id);
        if (newer.isPresent()) {
            throw conflict("/", "this version is amended by " + newer.get().id + ": edit the latest version's sheet");
        }
        ScreeningResult result = result(s);
        if (withheld(result)) {
            throw conflict("/items", "a referral withholds exercise: the sheet prints the referral and no exercise");
        }
        List<HomeProgramme.Exercise> plan = plan(result, language(s));
        List<HomeProgrammeEdit> versions = HomeProgrammeEdit.versions(clinic, s.id);
        int latest = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).versionNo;
        List<FieldError> errors = HomeProgrammeChecks.check(request, plan);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        if (request.basedOn() != latest) {
            throw conflict(
                    "/basedOn",
                    versions.isEmpty()
                            ? "no version is saved yet: base the edit on version 0"
                            : "version " + latest + " was saved by " + versions.get(versions.size() - 1).editedBy
                                    + " since version " + request.basedOn()
                                    + ": reload the sheet's edit and make the change there");
        }
        Map<String, Item> merged = versions.isEmpty()
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(byId(items(versions.get(versions.size() - 1))));
        for (Item i : request.items() == null ? List.<Item>of() : request.items()) {
            Item before = merged.get(i.id());
            merged.put(
                    i.id(),
                    new Item(
                            i.id(),
                            i.include() != null
                                    ? i.include()
                                    : before == null || before.include() == null || before.include(),
                            HomeProgrammeChecks.stripped(i.dose())));
        }
        HomeProgrammeEdit e = new HomeProgrammeEdit();
        e.id = UUID.randomUUID();
        e.screeningId = s.id;
        e.clinicId = clinic;
        e.versionNo = latest + 1;
        e.itemsJson = json(new ArrayList<>(merged.values()));
        e.note = HomeProgrammeChecks.strippedNote(request.note());
        e.editedBy = caller.name();
        e.editedAt = clock.instant();
        e.persist();
        versions = new ArrayList<>(versions);
        versions.add(e);
        long going = plan.stream()
                .filter(x -> !Boolean.FALSE.equals(merged.getOrDefault(x.id(), new Item(x.id(), true, null))
                        .include()))
                .count();
        audit.fire(new AuditEvent(
                AuditEvent.SCREENING_SHEET_EDIT,
                s.id.toString(),
                s.kbVersion,
                "version " + e.versionNo + ", " + going + " of " + plan.size() + " home exercises, "
                        + (e.note == null ? "no note" : "a note")));
        return view(s, result, versions);
    }

    /** The choice as the API shows it, from the screening's parsed result (parsed once per call). */
    private View view(Screening s, ScreeningResult result, List<HomeProgrammeEdit> versions) {
        HomeProgrammeEdit last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        Map<String, Item> chosen = last == null ? Map.of() : byId(items(last));
        List<ItemView> items = new ArrayList<>();
        if (!withheld(result)) {
            for (HomeProgramme.Exercise x : plan(result, language(s))) {
                Item c = chosen.get(x.id());
                HomeProgramme.Dose mine = c == null ? null : c.dose();
                items.add(new ItemView(
                        x.id(),
                        x.title(),
                        c == null || c.include() == null || c.include(),
                        HomeProgrammeChecks.over(mine, x.dose()),
                        x.dose(),
                        mine != null && !HomeProgrammeChecks.empty(mine)));
            }
        }
        return new View(
                s.id.toString(),
                last == null ? 0 : last.versionNo,
                last == null ? null : last.editedBy,
                last == null ? null : last.editedAt,
                withheld(result),
                items,
                last == null ? null : last.note,
                versions.stream()
                        .map(v -> new VersionSummary(v.versionNo, v.editedBy, v.editedAt))
                        .toList());
    }

    /** The language the client's sheet is printed in: its title and catalogue dose are shown in it. */
    private static String language(Screening s) {
        return ClientLanguages.stored(s).orElse(ClientLanguages.SUPPORTED.get(0));
    }

    /**
     * The plan's home exercises, in the plan's order, with their client texts in the client's language (serving
     * knowledge base).
     */
    private List<HomeProgramme.Exercise> plan(ScreeningResult r, String language) {
        HomeProgramme home = knowledgeBases.current().reference().home(language);
        List<HomeProgramme.Exercise> plan = new ArrayList<>();
        for (ScreeningResult.InterventionResult i :
                r.interventions() == null ? List.<ScreeningResult.InterventionResult>of() : r.interventions()) {
            home.exercise(i.id()).filter(x -> !plan.contains(x)).ifPresent(plan::add);
        }
        return plan;
    }

    private static boolean withheld(ScreeningResult r) {
        return r.redFlags() != null && r.redFlags().exerciseWithheld();
    }

    private ScreeningResult result(Screening s) {
        return documents.result(s);
    }

    private List<Item> items(HomeProgrammeEdit e) {
        try {
            return mapper.readValue(e.itemsJson, ITEMS);
        } catch (JsonProcessingException x) {
            throw new UncheckedIOException(x);
        }
    }

    private String json(List<Item> items) {
        try {
            return mapper.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Item> byId(List<Item> items) {
        Map<String, Item> m = new LinkedHashMap<>();
        items.forEach(i -> m.put(i.id(), i));
        return m;
    }

    private static InvalidRequestException conflict(String field, String message) {
        return new InvalidRequestException(409, List.of(new FieldError(field, message)));
    }
}
