package io.crosscheck.web.service;

import io.crosscheck.authoring.lint.ExercisePictures;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.model.HomeProgrammeChoice;
import io.crosscheck.screening.service.ClientLanguages;
import io.crosscheck.screening.service.HomeProgrammeEdits;
import io.crosscheck.security.ClinicContact;
import io.crosscheck.security.ClinicContacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The client's take-home sheet of a stored screening of the caller's clinic ({@link SheetViews}), with the clinic's
 * contact details, and the exercise pictures the sheet and the result page show, from the serving knowledge base.
 */
@ApplicationScoped
public class TakeHomeSheets {

    private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,64}");

    private final WebScreenings screenings;
    private final KnowledgeBaseService knowledgeBases;
    private final ClinicContacts clinics;
    private final HomeProgrammeEdits edits;
    private final SheetViews views = new SheetViews();

    TakeHomeSheets(
            WebScreenings screenings,
            KnowledgeBaseService knowledgeBases,
            ClinicContacts clinics,
            HomeProgrammeEdits edits) {
        this.screenings = screenings;
        this.knowledgeBases = knowledgeBases;
        this.clinics = clinics;
        this.edits = edits;
    }

    /** The sheet of a screening of the caller's clinic, in its client's language; empty when there is none. */
    public Optional<SheetView> sheet(UUID id) {
        return sheet(id, null).map(Sheet::view);
    }

    /**
     * The sheet of a screening of the caller's clinic in a language of {@link SheetViews#LANGUAGES} (null: the
     * client's, {@link ClientLanguages}; English unless set), with what its
     * printed copies need besides: when the screening was made, whose it is, and the pictures of its exercises (each
     * passing {@link ExercisePictures}' check). Empty when there is no such screening.
     */
    public Optional<Sheet> sheet(UUID id, String language) {
        return screenings.stored(id).map(s -> {
            var r = s.result();
            String version = r.knowledgeBase() == null
                    ? s.screening().kbVersion
                    : r.knowledgeBase().version();
            ClinicContact contact =
                    clinics.of(s.screening().clinicId).orElse(new ClinicContact(null, null, null, null, null, null));
            KnowledgeBase kb = knowledgeBases.current();
            String lang = language != null
                    ? language
                    : ClientLanguages.stored(s.screening()).orElse(SheetViews.LANGUAGES.get(0));
            SheetView view = views.view(kb, r, version, contact, edits(kb, s, lang), lang);
            Map<String, String> pictures = new HashMap<>();
            for (SheetView.Exercise e : view.exercises()) {
                Optional.ofNullable(kb.source().files().get(HomeProgramme.picture(e.id())))
                        .filter(svg -> ExercisePictures.check(svg).isEmpty())
                        .ifPresent(svg -> pictures.put(e.id(), svg));
            }
            return new Sheet(view, s.screening().createdAt, s.screening().clientRef, pictures);
        });
    }

    /** The sheet's words in a language of {@link SheetViews#LANGUAGES}. */
    public SheetWords words(String language) {
        return views.words(language);
    }

    /**
     * A screening's sheet with what a printed copy needs besides the view.
     *
     * @param madeAt    when the screening was made (the PDF's date)
     * @param clientRef the client's pseudonymous reference
     * @param pictures  the exercises' pictures (SVG) by intervention id, each passing the picture check
     */
    public record Sheet(SheetView view, java.time.Instant madeAt, String clientRef, Map<String, String> pictures) {}

    /**
     * What the clinician chose for this screening's sheet before printing (its latest saved edit): the dose of each
     * exercise they changed (their parts over the catalogue's client dose in the sheet's language: a part they left
     * blank reads in the client's language), those kept back, and the note.
     */
    SheetEdits edits(KnowledgeBase kb, WebScreenings.Stored stored, String language) {
        return edits.latest(stored.screening())
                .map(saved -> {
                    HomeProgramme home = kb.reference().home(language);
                    Map<String, HomeProgramme.Dose> doses = new HashMap<>();
                    Set<String> excluded = new HashSet<>();
                    for (HomeProgrammeChoice.Item i : saved.items().values()) {
                        if (Boolean.FALSE.equals(i.include())) {
                            excluded.add(i.id());
                        }
                        if (i.dose() != null) {
                            HomeProgramme.Dose catalogue = home.exercise(i.id())
                                    .map(HomeProgramme.Exercise::dose)
                                    .orElse(null);
                            doses.put(i.id(), HomeProgrammeEdits.over(i.dose(), catalogue));
                        }
                    }
                    return new SheetEdits(doses, excluded, saved.note());
                })
                .orElse(SheetEdits.NONE);
    }

    /**
     * The picture of a home exercise of the serving knowledge base, only if it passes {@link ExercisePictures}' check
     * (the linter's, run again here: a picture is author content); empty otherwise.
     */
    public Optional<String> picture(String interventionId) {
        if (interventionId == null || !ID.matcher(interventionId).matches()) {
            return Optional.empty();
        }
        KnowledgeBase kb = knowledgeBases.current();
        return Optional.ofNullable(kb.source().files().get(HomeProgramme.picture(interventionId)))
                .filter(svg -> ExercisePictures.check(svg).isEmpty());
    }
}
