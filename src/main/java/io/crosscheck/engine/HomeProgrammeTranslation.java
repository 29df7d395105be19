package io.crosscheck.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client texts of {@link HomeProgramme} in another language
 * ({@code rules/reference/translations/<language>/home-programme.yaml}): for every home exercise its title, steps,
 * dose, feel and stop, and for every referral domain what it is about and its own words for what to do now; nothing
 * else (which items go home, the pictures and {@code doseFrom} stay the English file's). Each entry records in
 * {@code translatedFrom} the {@link #fingerprint} of the English texts it was translated from: when the English changes,
 * the linter reports the translation as stale until it has been checked and the new fingerprint copied in.
 */
public record HomeProgrammeTranslation(List<Exercise> exercises, List<Referral> referrals) {

    /** Where the translations are kept, one folder per language. */
    public static final String DIR = KnowledgeSource.RULES + "reference/translations/";

    private static final Pattern FILE = Pattern.compile(Pattern.quote(DIR) + "([a-z]{2})/home-programme\\.yaml");

    public HomeProgrammeTranslation {
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
        referrals = referrals == null ? List.of() : List.copyOf(referrals);
    }

    /** The path of a language's translation. */
    public static String file(String language) {
        return DIR + language + "/home-programme.yaml";
    }

    /** The language a path is the translation of, if it is one. */
    public static Optional<String> language(String path) {
        Matcher m = FILE.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** One home exercise's client texts in the language. */
    public record Exercise(
            String id,
            String translatedFrom,
            String title,
            List<String> steps,
            HomeProgramme.Dose dose,
            String feel,
            String stop) {

        public Exercise {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /** One referral domain's client words in the language (the urgencies of {@code now} as the English has them). */
    public record Referral(String domain, String translatedFrom, String about, Map<String, String> now) {

        public Referral {
            now = now == null ? Map.of() : Map.copyOf(now);
        }
    }

    public Optional<Exercise> exercise(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<Referral> referral(String domain) {
        return referrals.stream().filter(r -> r.domain().equals(domain)).findFirst();
    }

    /**
     * The English client texts with this translation's in their place. An entry the translation lacks keeps its
     * English (the linter does not let such a translation pass); what is not translated (the items not for home, the
     * dose's source, the author's note) is the English file's.
     */
    public HomeProgramme over(HomeProgramme english) {
        List<HomeProgramme.Exercise> exercises = new ArrayList<>();
        for (HomeProgramme.Exercise e : english.exercises()) {
            exercises.add(exercise(e.id())
                    .map(t -> new HomeProgramme.Exercise(
                            e.id(), t.title(), t.steps(), t.dose(), e.doseFrom(), t.feel(), t.stop(), e.authorNote()))
                    .orElse(e));
        }
        List<HomeProgramme.ReferralWords> referrals = new ArrayList<>();
        for (HomeProgramme.ReferralWords w : english.referrals()) {
            referrals.add(referral(w.domain())
                    .map(t -> new HomeProgramme.ReferralWords(w.domain(), t.about(), t.now()))
                    .orElse(w));
        }
        return new HomeProgramme(exercises, english.notForHome(), referrals);
    }

    /** The fingerprint of an English exercise's client texts: 12 hex digits of their SHA-256. */
    public static String fingerprint(HomeProgramme.Exercise e) {
        List<String> parts = new ArrayList<>();
        parts.add(e.title());
        parts.addAll(e.steps());
        HomeProgramme.Dose d = e.dose();
        if (d != null) {
            parts.addAll(java.util.Arrays.asList(d.sets(), d.repeat(), d.hold(), d.often()));
        }
        parts.add(e.feel());
        parts.add(e.stop());
        return hash(parts);
    }

    /** The fingerprint of an English referral's client words. */
    public static String fingerprint(HomeProgramme.ReferralWords w) {
        List<String> parts = new ArrayList<>();
        parts.add(w.about());
        new java.util.TreeMap<>(w.now()).forEach((u, t) -> {
            parts.add(u);
            parts.add(t);
        });
        return hash(parts);
    }

    private static String hash(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update((p == null ? "" : p.strip()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
