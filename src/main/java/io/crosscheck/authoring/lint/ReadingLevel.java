package io.crosscheck.authoring.lint;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard an English text is to read: Flesch reading ease and the Flesch-Kincaid grade, from words per sentence and
 * syllables per word. The client's texts are held to {@link #MIN_EASE} and {@link #MAX_GRADE} (the targets and why
 * are in docs/authoring.md, "Client texts and pictures"), and no sentence may run past {@link #MAX_SENTENCE_WORDS}.
 *
 * <p>Syllables are counted by a heuristic (vowel groups, less a silent final "e" or "-es"/"-ed", plus "-le" after a
 * consonant, at least one a word); it agrees with a dictionary on most common words and is never more than one off on
 * the words ReadingLevelTest checks. A number counts as a word of one syllable (digits are read at a glance). A text
 * with no terminal
 * punctuation is one sentence, so a list item or a title is a sentence of its own.
 */
public record ReadingLevel(int words, int sentences, int syllables) {

    /** Flesch reading ease at least this: "fairly easy" and above (about US grade 7, UK reading age 12). */
    public static final double MIN_EASE = 70;

    /** Flesch-Kincaid grade at most this (US school grade 6, about UK reading age 11). */
    public static final double MAX_GRADE = 6;

    /** No sentence longer than this many words. */
    public static final int MAX_SENTENCE_WORDS = 20;

    /**
     * A text of at least this many words is held to the targets on its own; a shorter one (a title, a short step) only
     * together with the others of its entry, since a Flesch score of a few words is noise.
     */
    public static final int MIN_WORDS_SCORED_ALONE = 10;

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:'[A-Za-z]+)?|\\d+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");

    /** The counts of one text. */
    public static ReadingLevel of(String text) {
        return of(List.of(text));
    }

    /** The counts of several texts read together (each text ends a sentence, with or without a full stop). */
    public static ReadingLevel of(List<String> texts) {
        Counts c = count(texts, ReadingLevel::words, ReadingLevel::syllables);
        return new ReadingLevel(c.words(), c.sentences(), c.syllables());
    }

    /** Words, sentences and syllables of several texts, each text ending a sentence. */
    record Counts(int words, int sentences, int syllables) {}

    /**
     * Counts texts with a language's word splitter and syllable counter (English here, Spanish in
     * {@link SpanishReadingLevel}); blank texts and sentences without a word are skipped.
     */
    static Counts count(
            List<String> texts,
            java.util.function.Function<String, List<String>> wordsOf,
            java.util.function.ToIntFunction<String> syllablesOf) {
        int words = 0;
        int sentences = 0;
        int syllables = 0;
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            for (String sentence : sentences(text)) {
                List<String> w = wordsOf.apply(sentence);
                if (w.isEmpty()) {
                    continue;
                }
                sentences++;
                words += w.size();
                syllables += w.stream().mapToInt(syllablesOf).sum();
            }
        }
        return new Counts(words, sentences, syllables);
    }

    /** Flesch reading ease: 206.835 - 1.015 words/sentence - 84.6 syllables/word (higher is easier). */
    public double ease() {
        if (words == 0) {
            return 100;
        }
        return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words;
    }

    /** Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59. */
    public double grade() {
        if (words == 0) {
            return 0;
        }
        return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
    }

    /** Whether the text meets both targets. */
    public boolean meetsTarget() {
        return ease() >= MIN_EASE && grade() <= MAX_GRADE;
    }

    /** "reading ease 74.2, grade 5.9 (targets: ease >= 70, grade <= 6.0)". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "reading ease %.1f, grade %.1f (targets: ease >= %.0f, grade <= %.1f)",
                ease(),
                grade(),
                MIN_EASE,
                MAX_GRADE);
    }

    /** The sentences of a text: split after . ! or ? followed by a space or the end. */
    public static List<String> sentences(String text) {
        return SENTENCE_END
                .splitAsStream(text.strip())
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The words of a text (letters with an inner apostrophe, or a number; hyphens and slashes split words). */
    public static List<String> words(String text) {
        Matcher m = WORD.matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The syllables of one word, by the heuristic above. */
    public static int syllables(String word) {
        if (word.chars().allMatch(Character::isDigit)) {
            return 1;
        }
        String w = word.toLowerCase(Locale.ROOT).replaceAll("'s$", "").replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 0;
        }
        if (w.length() <= 3) {
            return 1;
        }
        String stem = w.replaceAll("(?<=[aeiouy]l)es?$", "") // while, exhale: a silent e after a vowel and l
                .replaceAll("(?<=[^laeiouycghsxz])es$", "") // takes (but places, stretches, boxes keep theirs)
                .replaceAll("(?<=[^laeiouytd])ed$", "") // relaxed (but rested keeps its own)
                .replaceAll("(?<=[^laeiouy])e$", "") // breathe, once (but table keeps its -le)
                .replaceAll("^y", "");
        int count = countMatches(stem, "[aeiouy]+");
        // "-io", "-ia" are two syllables (physio, radio) unless "-tion", "-sion", "-cial", "-gion"
        count += countMatches(stem, "i[ao]") - countMatches(stem, "[tcsgx]i[ao][nl]");
        // "-ing" after a vowel is a syllable of its own: lying, doing, being
        count += countMatches(stem, "[aeiouy]ings?$");
        return Math.max(1, count);
    }

    private static int countMatches(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
