package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonLocation;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.facts.InterventionDefinition;
import java.util.List;
import java.util.Map;

/**
 * A client's dose is a translation of the catalogue's: each home exercise records, in {@code doseFrom}, the
 * catalogue dose its client dose was written from. When the catalogue's dose changes (a new hold, more repetitions)
 * and the client's words were not checked against it, the take-home sheet would tell the client the old dose while
 * the clinician's plan states the new one: the linter reports it at {@code doseFrom}, with both texts, until the
 * author has checked the client's dose and copied the new catalogue dose there.
 */
final class ClientDoseCheck {

    private ClientDoseCheck() {}

    /**
     * @param entry        the exercise's JSON pointer in home-programme.yaml
     * @param at           where each scalar of home-programme.yaml stands
     * @param catalogueRef where the catalogue's dose stands ({@code rules/reference/interventions.yaml:line}), or null
     */
    static void check(
            HomeProgramme.Exercise e,
            InterventionDefinition catalogue,
            String entry,
            Map<String, JsonLocation> at,
            String catalogueRef,
            List<KnowledgeProblem> problems) {
        String now = catalogue.getDose();
        if (now == null || now.isBlank()) {
            return;
        }
        String where = catalogueRef == null ? "" : " (" + catalogueRef + ")";
        if (e.doseFrom() == null || e.doseFrom().isBlank()) {
            add(
                    problems,
                    at,
                    entry + "/id",
                    "home exercise " + e.id() + " has no doseFrom: after checking its dose against the catalogue's"
                            + where + ", copy the catalogue's dose into doseFrom: \"" + now + "\"");
        } else if (!e.doseFrom().strip().equals(now.strip())) {
            add(
                    problems,
                    at,
                    entry + "/doseFrom",
                    "the client's dose of " + e.id() + " was written from the catalogue dose \""
                            + e.doseFrom().strip()
                            + "\", but the catalogue now says \"" + now.strip() + "\"" + where
                            + ": check sets, repeat, hold and often against it, then copy it into doseFrom");
        }
    }

    private static void add(
            List<KnowledgeProblem> problems, Map<String, JsonLocation> at, String pointer, String message) {
        JsonLocation l = at.get(pointer);
        problems.add(new KnowledgeProblem(
                HomeProgramme.FILE, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr(), message));
    }
}
