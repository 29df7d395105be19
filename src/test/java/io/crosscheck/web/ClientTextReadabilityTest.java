package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.authoring.lint.ReadingLevel;
import io.crosscheck.authoring.lint.SpanishReadingLevel;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.support.RuleHarness;
import io.crosscheck.web.service.SheetViews;
import io.crosscheck.web.service.SheetWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The reading level of every client text: each home exercise's texts and each referral's words from the catalogue
 * (rules/reference/home-programme.yaml), and the sheet's own words (web/client-words.yaml), each within the targets of
 * docs/authoring.md (each entry as a whole, and each text of 10 words or more on its own) and no sentence over 20
 * words. The scores are written to target/readability.txt. The same for Spanish (the knowledge base's translation and
 * web/client-words.es.yaml) by the INFLESZ scale, to target/readability-es.txt.
 */
class ClientTextReadabilityTest {

    @Test
    void everyClientTextOfTheCatalogueAndTheSheetMeetsTheReadingLevelTarget() throws IOException {
        HomeProgramme home = RuleHarness.shipped().knowledgeBase().reference().home();
        List<String> report = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (HomeProgramme.Exercise e : home.exercises()) {
            List<String> texts = new ArrayList<>();
            texts.add(e.title());
            texts.addAll(e.steps());
            if (e.dose() != null) {
                texts.addAll(java.util.stream.Stream.of(
                                e.dose().sets(),
                                e.dose().repeat(),
                                e.dose().hold(),
                                e.dose().often())
                        .filter(t -> t != null)
                        .toList());
            }
            texts.add(e.feel());
            texts.add(e.stop());
            measure("exercise " + e.id(), texts, report, failing);
            all.addAll(texts);
        }
        for (HomeProgramme.ReferralWords w : home.referrals()) {
            List<String> texts = new ArrayList<>();
            texts.add(w.about());
            texts.addAll(w.now().values());
            measure("referral " + w.domain(), texts, report, failing);
            all.addAll(texts);
        }
        SheetWords words = SheetViews.load();
        measure("sheet words (web/client-words.yaml)", words.all(), report, failing);
        all.addAll(words.all());
        ReadingLevel overall = ReadingLevel.of(all);
        report.add(String.format(Locale.ROOT, "%-48s %s", "every client text together", overall.describe()));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "readability.txt"), report);
        assertThat(failing).isEmpty();
        assertThat(overall.meetsTarget()).as(overall.describe()).isTrue();
    }

    @Test
    void everySpanishClientTextMeetsTheInfleszTarget() throws IOException {
        HomeProgramme home = RuleHarness.shipped().knowledgeBase().reference().home("es");
        List<String> report = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (HomeProgramme.Exercise e : home.exercises()) {
            List<String> texts = texts(e);
            spanish("exercise " + e.id(), texts, report, failing);
            all.addAll(texts);
        }
        for (HomeProgramme.ReferralWords w : home.referrals()) {
            List<String> texts = new ArrayList<>();
            texts.add(w.about());
            texts.addAll(w.now().values());
            spanish("referral " + w.domain(), texts, report, failing);
            all.addAll(texts);
        }
        SheetWords words = SheetViews.load("es");
        spanish("sheet words (web/client-words.es.yaml)", words.all(), report, failing);
        all.addAll(words.all());
        SpanishReadingLevel overall = SpanishReadingLevel.of(all);
        report.add(String.format(Locale.ROOT, "%-48s %s", "every Spanish client text together", overall.describe()));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "readability-es.txt"), report);
        assertThat(failing).isEmpty();
        assertThat(overall.meetsTarget()).as(overall.describe()).isTrue();
        // the Spanish is the English's translation, not the English: no exercise reads the same in both
        HomeProgramme english =
                RuleHarness.shipped().knowledgeBase().reference().home();
        for (HomeProgramme.Exercise e : home.exercises()) {
            assertThat(e.title())
                    .isNotEqualTo(english.exercise(e.id()).orElseThrow().title());
        }
    }

    private static List<String> texts(HomeProgramme.Exercise e) {
        List<String> texts = new ArrayList<>();
        texts.add(e.title());
        texts.addAll(e.steps());
        if (e.dose() != null) {
            java.util.stream.Stream.of(
                            e.dose().sets(),
                            e.dose().repeat(),
                            e.dose().hold(),
                            e.dose().often())
                    .filter(t -> t != null)
                    .forEach(texts::add);
        }
        texts.add(e.feel());
        texts.add(e.stop());
        return texts;
    }

    private static void spanish(String what, List<String> texts, List<String> report, List<String> failing) {
        SpanishReadingLevel level = SpanishReadingLevel.of(texts);
        report.add(String.format(Locale.ROOT, "%-48s %s, %d words", what, level.describe(), level.words()));
        if (!level.meetsTarget()) {
            failing.add(what + ": " + level.describe());
        }
        for (String t : texts) {
            SpanishReadingLevel alone = SpanishReadingLevel.of(t);
            if (alone.words() >= ReadingLevel.MIN_WORDS_SCORED_ALONE && !alone.meetsTarget()) {
                failing.add(what + ": " + alone.describe() + ": " + t);
            }
            for (String sentence : ReadingLevel.sentences(t)) {
                if (SpanishReadingLevel.words(sentence).size() > ReadingLevel.MAX_SENTENCE_WORDS) {
                    failing.add(what + ": sentence over " + ReadingLevel.MAX_SENTENCE_WORDS + " words: " + sentence);
                }
            }
        }
    }

    private static void measure(String what, List<String> texts, List<String> report, List<String> failing) {
        ReadingLevel level = ReadingLevel.of(texts);
        report.add(String.format(Locale.ROOT, "%-48s %s, %d words", what, level.describe(), level.words()));
        if (!level.meetsTarget()) {
            failing.add(what + ": " + level.describe());
        }
        for (String t : texts) {
            ReadingLevel alone = ReadingLevel.of(t);
            if (alone.words() >= ReadingLevel.MIN_WORDS_SCORED_ALONE && !alone.meetsTarget()) {
                failing.add(what + ": " + alone.describe() + ": " + t);
            }
            for (String sentence : ReadingLevel.sentences(t)) {
                if (ReadingLevel.words(sentence).size() > ReadingLevel.MAX_SENTENCE_WORDS) {
                    failing.add(what + ": sentence over " + ReadingLevel.MAX_SENTENCE_WORDS + " words: " + sentence);
                }
            }
        }
    }
}
