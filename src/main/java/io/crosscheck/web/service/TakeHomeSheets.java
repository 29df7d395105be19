package io.crosscheck.web.service;

import io.crosscheck.authoring.lint.ExercisePictures;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.security.ClinicContact;
import io.crosscheck.security.ClinicContacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
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
    private final SheetViews views = new SheetViews();

    TakeHomeSheets(WebScreenings screenings, KnowledgeBaseService knowledgeBases, ClinicContacts clinics) {
        this.screenings = screenings;
        this.knowledgeBases = knowledgeBases;
        this.clinics = clinics;
    }

    /** The sheet of a screening of the caller's clinic; empty when there is none. */
    public Optional<SheetView> sheet(UUID id) {
        return screenings.stored(id).map(s -> {
            var r = s.result();
            String version = r.knowledgeBase() == null
                    ? s.screening().kbVersion
                    : r.knowledgeBase().version();
            ClinicContact contact =
                    clinics.of(s.screening().clinicId).orElse(new ClinicContact(null, null, null, null, null, null));
            return views.view(knowledgeBases.current(), r, version, contact, edits(s));
        });
    }

    /** What the clinician changed on this screening's sheet before printing: nothing yet (see {@link SheetEdits}). */
    SheetEdits edits(WebScreenings.Stored stored) {
        return SheetEdits.NONE;
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
