package io.crosscheck.screening.model;

import io.crosscheck.engine.HomeProgramme;
import java.time.Instant;
import java.util.List;

/**
 * What the clinician chose for a screening's take-home sheet: each home exercise of the plan, whether it goes home and
 * its dose in the client's words, and a personal note. Version 0 is the plan as it is (every home exercise, the
 * catalogue's client dose, no note), before any edit.
 */
public final class HomeProgrammeChoice {

    private HomeProgrammeChoice() {}

    /** One home exercise as chosen: {@code dose} parts left null print the catalogue's client dose for that part. */
    public record Item(String id, Boolean include, HomeProgramme.Dose dose) {}

    /** A save: the version it was made from ({@code basedOn}, 0 before any edit), the items and the note. */
    public record Request(Integer basedOn, List<Item> items, String note) {}

    /**
     * One exercise on the sheet: its title in the client's words, whether it goes home, the dose printed (the
     * clinician's parts over the catalogue's), and whether the clinician changed the dose.
     */
    public record ItemView(
            String id,
            String title,
            boolean include,
            HomeProgramme.Dose dose,
            HomeProgramme.Dose catalogueDose,
            boolean doseEdited) {}

    /** A saved version, for the list. */
    public record VersionSummary(int version, String editedBy, Instant editedAt) {}

    /**
     * The current choice of a screening's sheet ({@code version} 0 and no editor before any edit), with the versions
     * saved so far; {@code exerciseWithheld}: a referral withholds exercise, so the sheet prints none and nothing can be
     * chosen.
     */
    public record View(
            String screeningId,
            int version,
            String editedBy,
            Instant editedAt,
            boolean exerciseWithheld,
            List<ItemView> items,
            String note,
            List<VersionSummary> versions) {}
}
