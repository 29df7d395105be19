package io.crosscheck.web.service;

import io.crosscheck.engine.HomeProgramme;
import java.util.Map;
import java.util.Set;

/**
 * What the clinician chose for a screening's take-home sheet before printing (the latest saved version of its
 * edit, kept with the screening): a dose per intervention id, printed in place of the catalogue's; the home
 * exercises that do not go home; and a personal note, printed first. {@link #NONE}: nothing edited.
 */
public record SheetEdits(Map<String, HomeProgramme.Dose> doses, Set<String> excluded, String note) {

    public static final SheetEdits NONE = new SheetEdits(Map.of(), Set.of(), null);

    public SheetEdits {
        doses = doses == null ? Map.of() : Map.copyOf(doses);
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
    }

    /** Doses alone: every home exercise goes home, no note. */
    public SheetEdits(Map<String, HomeProgramme.Dose> doses) {
        this(doses, Set.of(), null);
    }
}
