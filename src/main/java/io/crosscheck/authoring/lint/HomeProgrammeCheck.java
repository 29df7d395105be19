package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.crosscheck.common.json.Yaml;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.facts.InterventionDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The client's side of the catalogue ({@link HomeProgramme#FILE}) against the catalogue: every item of the catalogue
 * has client texts (a home exercise) or is marked not for home, with a reason (reported at its catalogue entry); every id and
 * referral domain of the file exists (reported where the file names it); each exercise has a title, 3 to 6 steps,
 * what it should feel like and when to stop, in plain words: no citation key, rule id, snake_case code or catalogue
 * talk, no sentence over {@link ReadingLevel#MAX_SENTENCE_WORDS} words, each text of
 * {@link ReadingLevel#MIN_WORDS_SCORED_ALONE} words or more and the exercise's texts together within the reading-level
 * targets ({@link ReadingLevel}), with the score; and every home exercise has a picture that passes
 * {@link ExercisePictures}, every picture a home exercise. A knowledge base without the file (one written before it
 * existed) is not checked.
 */
final class HomeProgrammeCheck {

    static final String CATALOGUE = KnowledgeSource.RULES + "reference/interventions.yaml";
    static final String RED_FLAGS = KnowledgeSource.RULES + "reference/red-flags.yaml";

    /** What a client text may not contain: citation keys, rule ids, codes, the clinician's vocabulary. */
    private static final Map<Pattern, String> JARGON = jargon();

    private HomeProgrammeCheck() {}

    private static Map<Pattern, String> jargon() {
        Map<Pattern, String> j = new LinkedHashMap<>();
        j.put(Pattern.compile("\\[[A-Z][A-Za-z0-9 ;,-]*]"), "a citation key");
        j.put(Pattern.compile("\\b[A-Z]{2,4}-\\d{3}\\b"), "a rule id");
        j.put(Pattern.compile("\\b[a-z]+_[a-z_]+\\b"), "a code");
        j.put(
                Pattern.compile("(?i)\\b(catalogue|clinician|not given in the sources|PIR|post-isometric)\\b"),
                "the clinician's words");
        return j;
    }

    static void check(KnowledgeSource source, ReferenceData reference, List<KnowledgeProblem> problems) {
        String yaml = source.files().get(HomeProgramme.FILE);
        if (yaml == null) {
            return;
        }
        HomeProgramme home = reference.home();
        Map<String, JsonLocation> at = locations(yaml);
        Map<String, JsonLocation> catalogueAt = locations(source.files().getOrDefault(CATALOGUE, ""));
        Map<String, InterventionDefinition> catalogue = new HashMap<>();
        reference.interventions().forEach(i -> catalogue.put(i.getId(), i));
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < home.exercises().size(); n++) {
            HomeProgramme.Exercise e = home.exercises().get(n);
            String entry = "/exercises/" + n;
            if (!seen.add(e.id())) {
                add(problems, at, entry + "/id", "home exercise " + e.id() + " is listed twice");
            }
            InterventionDefinition i = catalogue.get(e.id());
            if (i == null) {
                add(problems, at, entry + "/id", "home exercise " + e.id() + " is not in " + CATALOGUE);
                continue;
            }
            if (!i.isExercise()) {
                add(problems, at, entry + "/id", e.id() + " is not an exercise in the catalogue (exercise: false)");
            }
            exercise(e, entry, at, problems);
            JsonLocation dose = catalogueAt.get(
                    "/interventions/" + reference.interventions().indexOf(i) + "/dose");
            ClientDoseCheck.check(e, i, entry, at, dose == null ? null : CATALOGUE + ":" + dose.getLineNr(), problems);
            picture(source, e.id(), at, entry, problems);
        }
        for (int n = 0; n < home.notForHome().size(); n++) {
            HomeProgramme.NotForHome x = home.notForHome().get(n);
            String entry = "/notForHome/" + n;
            if (!seen.add(x.id())) {
                add(problems, at, entry + "/id", x.id() + " is listed twice (an exercise is for home or not)");
            }
            if (!catalogue.containsKey(x.id())) {
                add(problems, at, entry + "/id", "not-for-home item " + x.id() + " is not in " + CATALOGUE);
            }
            if (blank(x.reason())) {
                add(problems, at, entry + "/id", x.id() + " needs a reason why it is not for the take-home sheet");
            }
        }
        for (InterventionDefinition i : reference.interventions()) {
            if (!seen.contains(i.getId())) {
                JsonLocation l = catalogueAt.get(
                        "/interventions/" + reference.interventions().indexOf(i) + "/id");
                problems.add(new KnowledgeProblem(
                        CATALOGUE,
                        l == null ? 1 : l.getLineNr(),
                        l == null ? 1 : l.getColumnNr(),
                        "intervention " + i.getId() + " is not in " + HomeProgramme.FILE
                                + ": add it under exercises (a home exercise: title, steps, dose, feel, stop) or under"
                                + " notForHome with the reason it is not for the take-home sheet"));
            }
        }
        referrals(home, reference, at, problems);
        source.files().keySet().stream()
                .filter(p -> p.startsWith(HomeProgramme.PICTURES) && p.endsWith(".svg"))
                .map(p -> p.substring(HomeProgramme.PICTURES.length(), p.length() - 4))
                .filter(id -> home.exercise(id).isEmpty())
                .forEach(id -> problems.add(new KnowledgeProblem(
                        HomeProgramme.picture(id), 1, 1, "picture of " + id + ", which is no home exercise")));
    }

    private static void exercise(
            HomeProgramme.Exercise e, String entry, Map<String, JsonLocation> at, List<KnowledgeProblem> problems) {
        if (blank(e.title()) || blank(e.feel()) || blank(e.stop())) {
            add(problems, at, entry + "/id", "home exercise " + e.id() + " needs a title, feel and stop");
        }
        if (e.steps().size() < 3 || e.steps().size() > 6) {
            add(
                    problems,
                    at,
                    entry + "/id",
                    "home exercise " + e.id() + " has " + e.steps().size() + " steps; give 3 to 6 short ones");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(entry + "/title", e.title());
        for (int s = 0; s < e.steps().size(); s++) {
            texts.put(entry + "/steps/" + s, e.steps().get(s));
        }
        if (e.dose() != null) {
            texts.put(entry + "/dose/sets", e.dose().sets());
            texts.put(entry + "/dose/repeat", e.dose().repeat());
            texts.put(entry + "/dose/hold", e.dose().hold());
            texts.put(entry + "/dose/often", e.dose().often());
        }
        texts.put(entry + "/feel", e.feel());
        texts.put(entry + "/stop", e.stop());
        plain(texts, at, problems);
        ReadingLevel level =
                ReadingLevel.of(texts.values().stream().filter(t -> !blank(t)).toList());
        if (!level.meetsTarget()) {
            add(problems, at, entry + "/id", "home exercise " + e.id() + " is too hard to read: " + level.describe());
        }
    }

    private static void referrals(
            HomeProgramme home,
            ReferenceData reference,
            Map<String, JsonLocation> at,
            List<KnowledgeProblem> problems) {
        Set<String> redFlagDomains = new HashSet<>();
        reference.redFlags().forEach(f -> redFlagDomains.add(f.getDomain()));
        Set<String> known = new HashSet<>(redFlagDomains);
        if (reference.inputs() != null) {
            reference.inputs().sections().stream()
                    .filter(s -> s.isHealthScreen())
                    .forEach(s -> known.add(s.code()));
        }
        Set<String> worded = new HashSet<>();
        for (int n = 0; n < home.referrals().size(); n++) {
            HomeProgramme.ReferralWords w = home.referrals().get(n);
            String entry = "/referrals/" + n;
            worded.add(w.domain());
            if (!known.contains(w.domain())) {
                add(
                        problems,
                        at,
                        entry + "/domain",
                        "referral domain " + w.domain() + " is neither a red-flag domain nor a health-screen section");
            }
            for (String urgency : w.now().keySet()) {
                if (!Set.of("emergency", "urgent", "soon").contains(urgency)) {
                    add(
                            problems,
                            at,
                            entry + "/domain",
                            "referral words for " + w.domain() + " name urgency " + urgency
                                    + "; use emergency, urgent or soon");
                }
            }
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put(entry + "/about", w.about());
            w.now().forEach((u, t) -> texts.put(entry + "/now/" + u, t));
            plain(texts, at, problems);
            ReadingLevel level = ReadingLevel.of(List.copyOf(texts.values()));
            if (!level.meetsTarget()) {
                add(
                        problems,
                        at,
                        entry + "/domain",
                        "referral words for " + w.domain() + " are too hard to read: " + level.describe());
            }
        }
        redFlagDomains.stream()
                .filter(d -> !worded.contains(d))
                .sorted()
                .forEach(d -> problems.add(new KnowledgeProblem(
                        RED_FLAGS,
                        1,
                        1,
                        "red-flag domain " + d + " has no client words (about) under referrals in " + HomeProgramme.FILE
                                + ": the take-home sheet would not say what the referral is about")));
    }

    /** Each text: no jargon, within the targets on its own when long enough, and no sentence over the limit. */
    private static void plain(
            Map<String, String> texts, Map<String, JsonLocation> at, List<KnowledgeProblem> problems) {
        texts.forEach((pointer, text) -> {
            if (blank(text)) {
                return;
            }
            JARGON.forEach((pattern, what) -> {
                var m = pattern.matcher(text);
                if (m.find()) {
                    add(
                            problems,
                            at,
                            pointer,
                            "client text has " + what + " (\"" + m.group() + "\"): say it in the client's words");
                }
            });
            ReadingLevel alone = ReadingLevel.of(text);
            if (alone.words() >= ReadingLevel.MIN_WORDS_SCORED_ALONE && !alone.meetsTarget()) {
                add(problems, at, pointer, "client text is too hard to read: " + alone.describe());
            }
            for (String sentence : ReadingLevel.sentences(text)) {
                int words = ReadingLevel.words(sentence).size();
                if (words > ReadingLevel.MAX_SENTENCE_WORDS) {
                    add(
                            problems,
                            at,
                            pointer,
                            "client sentence of " + words + " words (at most " + ReadingLevel.MAX_SENTENCE_WORDS
                                    + "): \"" + sentence + "\"");
                }
            }
        });
    }

    private static void picture(
            KnowledgeSource source,
            String id,
            Map<String, JsonLocation> at,
            String entry,
            List<KnowledgeProblem> problems) {
        String path = HomeProgramme.picture(id);
        String svg = source.files().get(path);
        if (svg == null) {
            add(
                    problems,
                    at,
                    entry + "/id",
                    "home exercise " + id + " has no picture " + path
                            + " (an SVG line drawing of the start and end position)");
            return;
        }
        ExercisePictures.check(svg)
                .forEach(p -> problems.add(new KnowledgeProblem(path, p.line(), p.column(), p.message())));
    }

    private static void add(
            List<KnowledgeProblem> problems, Map<String, JsonLocation> at, String pointer, String message) {
        JsonLocation l = at.get(pointer);
        problems.add(new KnowledgeProblem(
                HomeProgramme.FILE, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr(), message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Where each scalar of a YAML file stands, by its JSON pointer, read with the parser's own token locations. */
    static Map<String, JsonLocation> locations(String yaml) {
        Map<String, JsonLocation> at = new HashMap<>();
        try (JsonParser p = Yaml.strictMapper().getFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t.isScalarValue()) {
                    at.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
                }
            }
        } catch (JsonProcessingException e) {
            return at; // the reference reader has already reported the broken YAML
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return at;
    }
}
