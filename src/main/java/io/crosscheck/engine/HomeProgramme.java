package io.crosscheck.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's side of the catalogue ({@code rules/reference/home-programme.yaml}): for each exercise a client does at
 * home, keyed by its intervention id, a plain-language title, a few short steps, the dose in the client's terms, what
 * it should feel like and when to stop; the catalogue items a client never gets on paper, each with the reason; and,
 * per referral domain, what the referral is about and (where the domain needs its own) what to do now, in the
 * client's words. Rules never read it: the take-home sheet does, and the linter checks it against the catalogue.
 *
 * @param exercises  the home exercises, in no particular order (the sheet follows the plan's order)
 * @param notForHome catalogue items marked as not for the take-home sheet, with why
 * @param referrals  the client's words for a referral, by domain (a red-flag domain or a health-screen section)
 */
public record HomeProgramme(List<Exercise> exercises, List<NotForHome> notForHome, List<ReferralWords> referrals) {

    /** Where the client texts are kept. */
    public static final String FILE = KnowledgeSource.RULES + "reference/home-programme.yaml";

    /** Where each home exercise's picture is kept, beside the intervention pages: {@code <id>.svg}. */
    public static final String PICTURES = KnowledgeSource.DOCS + "interventions/pictures/";

    /** The path of an exercise's picture in a knowledge source. */
    public static String picture(String id) {
        return PICTURES + id + ".svg";
    }

    /** A knowledge base without the file (written before it existed): no client texts. */
    public static final HomeProgramme NONE = new HomeProgramme(List.of(), List.of(), List.of());

    public HomeProgramme {
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
        notForHome = notForHome == null ? List.of() : List.copyOf(notForHome);
        referrals = referrals == null ? List.of() : List.copyOf(referrals);
    }

    /**
     * One home exercise. {@code authorNote} is for authors and clinicians only (where a position is a common choice
     * rather than the sources'), never printed for the client. {@code doseFrom} is the catalogue's dose as it was when
     * the client's dose was written from it, never printed: when the catalogue's dose changes, the linter asks for the
     * client's dose to be checked against it.
     */
    public record Exercise(
            String id,
            String title,
            List<String> steps,
            Dose dose,
            String doseFrom,
            String feel,
            String stop,
            String authorNote) {

        public Exercise {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /**
     * A dose in the client's terms; each part is left out where the sources give none (the sheet then shows the
     * clinician's dose, or says the physiotherapist will set it).
     *
     * @param sets   how many sets ("5 sets")
     * @param repeat how many times ("2 to 4 times on each side")
     * @param hold   how long to hold ("10 to 30 seconds")
     * @param often  how often or when ("At least 2 or 3 days a week")
     */
    public record Dose(String sets, String repeat, String hold, String often) {

        /** Whether the dose says how much (sets, repetitions or a hold). */
        public boolean saysHowMuch() {
            return present(sets) || present(repeat) || present(hold);
        }

        /** Whether the dose says how often or when. */
        public boolean saysHowOften() {
            return present(often);
        }

        private static boolean present(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** A catalogue item that is not for the take-home sheet (clinician-led, supervised, or no single exercise). */
    public record NotForHome(String id, String reason) {}

    /**
     * What a referral of this domain is about, for the client, and, where the domain needs words of its own, what to
     * do now by urgency ({@code emergency}, {@code urgent}, {@code soon}); other urgencies use the sheet's defaults.
     */
    public record ReferralWords(String domain, String about, Map<String, String> now) {

        public ReferralWords {
            now = now == null ? Map.of() : Map.copyOf(now);
        }
    }

    public Optional<Exercise> exercise(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<NotForHome> notForHome(String id) {
        return notForHome.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<ReferralWords> referral(String domain) {
        return referrals.stream().filter(r -> r.domain().equals(domain)).findFirst();
    }
}
