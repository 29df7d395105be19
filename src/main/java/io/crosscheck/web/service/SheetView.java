package io.crosscheck.web.service;

import io.crosscheck.security.ClinicContact;
import java.util.List;

/**
 * The take-home sheet as the client reads it, all in the client's words: with a referral pending, first what to do
 * now and how soon (the result's own urgency) and why; the home exercises of the plan with their picture, steps, dose,
 * feel and when to stop (none while exercise is withheld); the plan's precautions; when to stop and call; and how to
 * reach the clinic. Nothing of the clinician's catalogue text, citation keys or codes.
 *
 * @param language     the language the sheet is written in (its words and the client texts: {@link SheetViews#LANGUAGES})
 * @param languageName that language's name in itself ("Español"), for the clinician
 * @param moreInClinic the plan also has exercise done in the clinic only (not printed, but said)
 * @param note         the clinician's personal note to the client, printed first (null: none)
 */
public record SheetView(
        String id,
        String language,
        String languageName,
        String preparedOn,
        String kbVersion,
        SheetWords.Fixed words,
        Referral referral,
        boolean exerciseWithheld,
        List<Exercise> exercises,
        boolean moreInClinic,
        List<String> precautions,
        ClinicContact contact,
        String note) {

    /**
     * What a pending referral asks of the client: the urgency (as the result has it), what to do now, what that means,
     * why (one line per referral), and which warning signs to watch for until then (none for an emergency).
     */
    public record Referral(String urgency, String now, String detail, List<String> reasons, Watch watch) {

        public boolean emergency() {
            return "emergency".equals(urgency);
        }

        /** Watch for the signs of a spinal emergency until seen. */
        public boolean watchSpine() {
            return watch == Watch.SPINE;
        }

        /** Watch for the signs of a heart emergency until seen. */
        public boolean watchHeart() {
            return watch == Watch.HEART;
        }
    }

    /** The warning signs a client with a referral that is not an emergency watches for until seen. */
    public enum Watch {
        NONE,
        SPINE,
        HEART
    }

    /** One home exercise: its picture's address (null without one) and its texts; the dose as printed lines. */
    public record Exercise(
            String id,
            String title,
            String picture,
            List<String> steps,
            List<DoseLine> dose,
            String feel,
            String stop) {}

    /** A line of the dose: a label ("Hold") and its value; a label of null is a sentence of its own. */
    public record DoseLine(String label, String value) {}

    /** Whether the sheet prints exercises: none while a referral withholds them. */
    public boolean showsExercises() {
        return !exerciseWithheld && !exercises.isEmpty();
    }
}
