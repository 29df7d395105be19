package io.crosscheck.authoring.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard a Spanish text is to read: the Szigriszt-Pazos perspicuity index as validated for patient texts by the
 * INFLESZ scale (Barrio-Cantalejo et al., An. Sist. Sanit. Navar. 2008;31(2):135-152), {@code 206.835 - 62.3
 * syllables/words - words/sentences}; and, for comparison only, Fernández-Huerta's ease ({@code 206.84 - 60
 * syllables/words - 1.02 words/sentences}). The client's Spanish texts are held to {@link #MIN_INFLESZ} ("bastante
 * fácil" on the INFLESZ scale; the target and why are in docs/authoring.md) and to the same sentence length as the
 * English ({@link ReadingLevel#MAX_SENTENCE_WORDS}).
 *
 * <p>Syllables are counted by the rules of Spanish spelling: a syllable per vowel group, where two strong vowels (a, e,
 * o, or an accented í or ú) are two syllables (hiatus: "le-er", "rí-o") and a weak vowel (i, u, ü) beside another vowel
 * forms a diphthong; the u of "que", "qui", "gue", "gui" is silent by the same rule; a final y after a vowel is part of
 * its syllable ("hoy"). A number counts as one syllable, as in {@link ReadingLevel}.
 */
public record SpanishReadingLevel(int words, int sentences, int syllables) {

    /** INFLESZ at least this: "bastante fácil" (65-80) or "muy fácil" (above 80). */
    public static final double MIN_INFLESZ = 65;

    private static final Pattern WORD = Pattern.compile("\\p{L}+|\\d+");
    private static final String VOWELS = "aeiouáéíóúü";
    private static final String STRONG = "aeoáéíóú";

    public static SpanishReadingLevel of(String text) {
        return of(List.of(text));
    }

    /** The counts of several texts read together (each text ends a sentence). */
    public static SpanishReadingLevel of(List<String> texts) {
        ReadingLevel.Counts c = ReadingLevel.count(texts, SpanishReadingLevel::words, SpanishReadingLevel::syllables);
        return new SpanishReadingLevel(c.words(), c.sentences(), c.syllables());
    }

    /** Szigriszt-Pazos / INFLESZ (higher is easier). */
    public double inflesz() {
        if (words == 0) {
            return 100;
        }
        return 206.835 - 62.3 * syllables / words - (double) words / sentences;
    }

    /** Fernández-Huerta's ease (higher is easier), for comparison. */
    public double fernandezHuerta() {
        if (words == 0) {
            return 100;
        }
        return 206.84 - 60.0 * syllables / words - 1.02 * words / sentences;
    }

    public boolean meetsTarget() {
        return inflesz() >= MIN_INFLESZ;
    }

    /** "INFLESZ 71.2, Fernández-Huerta 76.0 (target: INFLESZ >= 65)". */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "INFLESZ %.1f, Fernández-Huerta %.1f (target: INFLESZ >= %.0f)",
                inflesz(),
                fernandezHuerta(),
                MIN_INFLESZ);
    }

    /** The words of a text: letters (accented ones included) or a number. */
    public static List<String> words(String text) {
        Matcher m = WORD.matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The syllables of one Spanish word, by the rules above. */
    public static int syllables(String word) {
        if (word.chars().allMatch(Character::isDigit)) {
            return 1;
        }
        String w = word.toLowerCase(Locale.ROOT);
        int count = 0;
        boolean previousVowel = false;
        boolean previousStrong = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean vowel = VOWELS.indexOf(c) >= 0 || (c == 'y' && i == w.length() - 1 && i == 0);
            if (vowel) {
                boolean strong = STRONG.indexOf(c) >= 0;
                if (!previousVowel || (strong && previousStrong)) {
                    count++;
                }
                previousVowel = true;
                previousStrong = strong;
            } else {
                previousVowel = false;
                previousStrong = false;
            }
        }
        return Math.max(1, count);
    }
}
