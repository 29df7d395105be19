package io.crosscheck.web.service;

import io.crosscheck.engine.HomeProgramme;
import java.util.Map;

/**
 * What the clinician changed on a screening's take-home sheet before printing: a dose per intervention id, printed in
 * place of the catalogue's. No screening has any yet (the edit step is to come, issue 25 point 3: kept with the
 * screening, audited and versioned): {@link #NONE} is what every sheet reads today, and the sheet already prints a
 * dose given here before the catalogue's or the "your physiotherapist will tell you" line.
 */
public record SheetEdits(Map<String, HomeProgramme.Dose> doses) {

    public static final SheetEdits NONE = new SheetEdits(Map.of());

    public SheetEdits {
        doses = doses == null ? Map.of() : Map.copyOf(doses);
    }
}
