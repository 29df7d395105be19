package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonLocation;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.HomeProgrammeTranslation;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Each translation of the client texts ({@link HomeProgrammeTranslation}) against the English
 * ({@link HomeProgramme#FILE}): complete (every home exercise and referral domain of the English, with its title, as
 * many steps, the same dose parts, feel and stop; the same urgencies under now), nothing extra (an id or domain the
 * English lacks, or one listed twice), not stale (its {@code translatedFrom} is the fingerprint of the English as it is
 * now; otherwise the message gives the new one), in plain words (no citation key, rule id or code; no sentence over
 * {@link ReadingLevel#MAX_SENTENCE_WORDS} words) and within the language's reading-level target: Spanish by
 * {@link SpanishReadingLevel}; a language without a measure here is reported, so no translation ships unmeasured.
 */
final class TranslationCheck {

    private static final Map<Pattern, String> JARGON = Map.of(
            Pattern.compile("\\[[A-Z][A-Za-z0-9 ;,-]*]"), "a citation key",
            Pattern.compile("\\b[A-Z]{2,4}-\\d{3}\\b"), "a rule id",
            Pattern.compile("\\b[a-z]+_[a-z_]+\\b"), "a code");

    private TranslationCheck() {}

    static void check(KnowledgeSource source, ReferenceData reference, List<KnowledgeProblem> problems) {
        if (!source.files().containsKey(HomeProgramme.FILE)) {
            return; // like the English file's own check: a knowledge base stored before it existed is not checked
        }
        reference.homeTranslations().forEach((language, t) -> {
            String file = HomeProgrammeTranslation.file(language);
            Map<String, JsonLocation> at =
                    HomeProgrammeCheck.locations(source.files().getOrDefault(file, ""));
            new TranslationCheck.Run(language, file, at, problems).check(reference.home(), t);
        });
    }

    private record Run(String language, String file, Map<String, JsonLocation> at, List<KnowledgeProblem> problems) {

        void check(HomeProgramme english, HomeProgrammeTranslation t) {
            if (!"es".equals(language)) {
                add("/", "no reading-level measure for " + language + " in the linter: add one before this ships");
            }
            Set<String> seen = new HashSet<>();
            for (int n = 0; n < t.exercises().size(); n++) {
                HomeProgrammeTranslation.Exercise x = t.exercises().get(n);
                String entry = "/exercises/" + n;
                if (!seen.add(x.id())) {
                    add(entry + "/id", "exercise " + x.id() + " is translated twice");
                }
                english.exercise(x.id())
                        .ifPresentOrElse(
                                e -> exercise(e, x, entry),
                                () -> add(
                                        entry + "/id",
                                        "exercise " + x.id() + " is no home exercise of " + HomeProgramme.FILE
                                                + ": remove it"));
            }
            english.exercises().stream()
                    .filter(e -> !seen.contains(e.id()))
                    .forEach(e -> add(
                            "/exercises",
                            "home exercise " + e.id() + " has no " + language + " translation (fingerprint "
                                    + HomeProgrammeTranslation.fingerprint(e) + ")"));
            Set<String> domains = new HashSet<>();
            for (int n = 0; n < t.referrals().size(); n++) {
                HomeProgrammeTranslation.Referral x = t.referrals().get(n);
                String entry = "/referrals/" + n;
                if (!domains.add(x.domain())) {
                    add(entry + "/domain", "referral domain " + x.domain() + " is translated twice");
                }
                english.referral(x.domain())
                        .ifPresentOrElse(
                                w -> referral(w, x, entry),
                                () -> add(
                                        entry + "/domain",
                                        "referral domain " + x.domain() + " has no words in " + HomeProgramme.FILE
                                                + ": remove it"));
            }
            english.referrals().stream()
                    .filter(w -> !domains.contains(w.domain()))
                    .forEach(w -> add(
                            "/referrals",
                            "referral domain " + w.domain() + " has no " + language + " translation (fingerprint "
                                    + HomeProgrammeTranslation.fingerprint(w) + ")"));
        }

        private void exercise(HomeProgramme.Exercise e, HomeProgrammeTranslation.Exercise x, String entry) {
            stale(entry, x.translatedFrom(), HomeProgrammeTranslation.fingerprint(e), "exercise " + e.id());
            if (blank(x.title()) || blank(x.feel()) || blank(x.stop())) {
                add(entry + "/id", "exercise " + e.id() + " needs its title, feel and stop translated");
            }
            if (x.steps().size() != e.steps().size()) {
                add(
                        entry + "/id",
                        "exercise " + e.id() + " has " + x.steps().size() + " steps; the English has "
                                + e.steps().size() + ": translate each step as one");
            }
            HomeProgramme.Dose d = e.dose() == null ? new HomeProgramme.Dose(null, null, null, null) : e.dose();
            HomeProgramme.Dose y = x.dose() == null ? new HomeProgramme.Dose(null, null, null, null) : x.dose();
            dose(entry, e.id(), "sets", d.sets(), y.sets());
            dose(entry, e.id(), "repeat", d.repeat(), y.repeat());
            dose(entry, e.id(), "hold", d.hold(), y.hold());
            dose(entry, e.id(), "often", d.often(), y.often());
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put(entry + "/title", x.title());
            for (int s = 0; s < x.steps().size(); s++) {
                texts.put(entry + "/steps/" + s, x.steps().get(s));
            }
            texts.put(entry + "/dose/sets", y.sets());
            texts.put(entry + "/dose/repeat", y.repeat());
            texts.put(entry + "/dose/hold", y.hold());
            texts.put(entry + "/dose/often", y.often());
            texts.put(entry + "/feel", x.feel());
            texts.put(entry + "/stop", x.stop());
            plain(texts, entry + "/id", "exercise " + e.id());
        }

        private void referral(HomeProgramme.ReferralWords w, HomeProgrammeTranslation.Referral x, String entry) {
            stale(entry, x.translatedFrom(), HomeProgrammeTranslation.fingerprint(w), "referral " + w.domain());
            if (blank(x.about())) {
                add(entry + "/domain", "referral " + w.domain() + " needs its about translated");
            }
            if (!x.now().keySet().equals(w.now().keySet())) {
                add(
                        entry + "/domain",
                        "referral " + w.domain() + " translates now for "
                                + x.now().keySet() + "; the English has "
                                + w.now().keySet());
            }
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put(entry + "/about", x.about());
            x.now().forEach((u, s) -> texts.put(entry + "/now/" + u, s));
            plain(texts, entry + "/domain", "referral " + w.domain());
        }

        private void stale(String entry, String from, String now, String what) {
            if (!Objects.equals(from == null ? null : from.strip(), now)) {
                add(
                        entry + (from == null ? "/id" : "/translatedFrom"),
                        "the English of " + what + " changed since it was translated (translatedFrom " + from
                                + ", now " + now + "): check the " + language + " against "
                                + HomeProgramme.FILE + ", then set translatedFrom: " + now);
            }
        }

        private void dose(String entry, String id, String part, String english, String translated) {
            if (blank(english) != blank(translated)) {
                add(
                        entry + "/id",
                        "exercise " + id
                                + (blank(english)
                                        ? " has a dose " + part + " the English does not give"
                                        : " lacks the dose " + part + " the English gives (\"" + english + "\")"));
            }
        }

        /** Each text: no jargon, no sentence over the limit, within the target alone when long enough and together. */
        private void plain(Map<String, String> texts, String entryPointer, String what) {
            texts.forEach((pointer, text) -> {
                if (blank(text)) {
                    return;
                }
                JARGON.forEach((pattern, kind) -> {
                    var m = pattern.matcher(text);
                    if (m.find()) {
                        add(
                                pointer,
                                "client text has " + kind + " (\"" + m.group() + "\"): say it in the client's words");
                    }
                });
                for (String sentence : ReadingLevel.sentences(text)) {
                    int words = SpanishReadingLevel.words(sentence).size();
                    if (words > ReadingLevel.MAX_SENTENCE_WORDS) {
                        add(
                                pointer,
                                "client sentence of " + words + " words (at most " + ReadingLevel.MAX_SENTENCE_WORDS
                                        + "): \"" + sentence + "\"");
                    }
                }
                if ("es".equals(language)) {
                    SpanishReadingLevel alone = SpanishReadingLevel.of(text);
                    if (alone.words() >= ReadingLevel.MIN_WORDS_SCORED_ALONE && !alone.meetsTarget()) {
                        add(pointer, "client text is too hard to read: " + alone.describe());
                    }
                }
            });
            if ("es".equals(language)) {
                SpanishReadingLevel level = SpanishReadingLevel.of(
                        texts.values().stream().filter(t -> !blank(t)).toList());
                if (!level.meetsTarget()) {
                    add(entryPointer, what + " is too hard to read: " + level.describe());
                }
            }
        }

        private void add(String pointer, String message) {
            JsonLocation l = at.get(pointer);
            problems.add(new KnowledgeProblem(
                    file, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr(), message));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
