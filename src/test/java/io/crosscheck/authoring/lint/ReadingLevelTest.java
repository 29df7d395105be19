package io.crosscheck.authoring.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reading-level measure the client texts are held to: syllables, sentences, and the two Flesch scores. */
class ReadingLevelTest {

    /** Common words of the client texts with their dictionary syllable counts. */
    static final Map<String, Integer> DICTIONARY = new LinkedHashMap<>();

    static {
        String[] words = {
            "the:1",
            "back:1",
            "knee:1",
            "knees:1",
            "stretch:1",
            "stretches:2",
            "breathe:1",
            "breath:1",
            "balloon:2",
            "muscle:2",
            "muscles:2",
            "table:2",
            "exercise:3",
            "exercises:4",
            "physiotherapist:6",
            "physio:3",
            "relaxed:2",
            "rested:2",
            "started:2",
            "tightens:2",
            "lying:2",
            "doing:2",
            "being:2",
            "gently:2",
            "slowly:2",
            "shoulder:2",
            "forward:2",
            "towel:2",
            "every:3",
            "minutes:2",
            "seconds:2",
            "emergency:4",
            "department:3",
            "exhale:2",
            "while:1",
            "once:1",
            "squeeze:1",
            "pillow:2",
            "comfortable:4",
            "position:3",
            "tummy:2",
            "bottom:2",
            "ceiling:2",
            "doorway:2",
            "places:2",
            "heel:1",
            "hips:1",
            "chest:1",
            "above:2",
            "ambulance:3",
            "pressure:2",
            "doctor:2",
            "wall:1",
            "straight:1",
            "cushion:2",
            "breathing:2",
            "dizzy:2",
            "numbness:2",
            "weakness:2",
            "swallowing:3",
            "urgent:2",
            "appointment:3",
            "tingling:2",
            "holding:2",
            "lower:2",
            "repeat:2",
            "radio:3",
            "social:2",
            "region:2",
            "area:3",
            "idea:3",
            "quiet:2",
            "immediately:5",
            "experience:4"
        };
        for (String w : words) {
            String[] p = w.split(":");
            DICTIONARY.put(p[0], Integer.parseInt(p[1]));
        }
    }

    @Test
    void theSyllableHeuristicAgreesWithTheDictionaryOnMostWordsAndIsNeverMoreThanOneOff() {
        List<String> off = new ArrayList<>();
        for (var e : DICTIONARY.entrySet()) {
            int counted = ReadingLevel.syllables(e.getKey());
            assertThat(Math.abs(counted - e.getValue()))
                    .as("syllables of " + e.getKey())
                    .isLessThanOrEqualTo(1);
            if (counted != e.getValue()) {
                off.add(e.getKey() + " " + counted + " (" + e.getValue() + ")");
            }
        }
        assertThat((double) off.size() / DICTIONARY.size())
                .as("words counted wrong: " + off)
                .isLessThanOrEqualTo(0.1);
    }

    @Test
    void aNumberCountsAsAWordOfOneSyllableAndAnApostropheStaysInItsWord() {
        assertThat(ReadingLevel.words("Hold 10 to 30 seconds. Child's pose"))
                .containsExactly("Hold", "10", "to", "30", "seconds", "Child's", "pose");
        assertThat(ReadingLevel.syllables("30")).isEqualTo(1);
        assertThat(ReadingLevel.syllables("2026")).isEqualTo(1);
        assertThat(ReadingLevel.syllables("child's")).isEqualTo(1);
    }

    @Test
    void sentencesEndAtAFullStopQuestionOrExclamationMarkFollowedBySpaceAndAListItemIsOne() {
        assertThat(ReadingLevel.sentences("Breathe in. Hold it! Ready? Then let go"))
                .hasSize(4);
        assertThat(ReadingLevel.sentences("Take 2.5 kg")).hasSize(1);
        ReadingLevel two = ReadingLevel.of(List.of("Kneel on one knee", "Hold, then swap sides."));
        assertThat(two.sentences()).isEqualTo(2);
        assertThat(two.words()).isEqualTo(8);
    }

    @Test
    void theFleschScoresFollowTheirFormulas() {
        ReadingLevel r = new ReadingLevel(12, 2, 15); // 6 words a sentence, 1.25 syllables a word
        assertThat(r.ease()).isCloseTo(206.835 - 1.015 * 6 - 84.6 * 1.25, within(1e-9));
        assertThat(r.grade()).isCloseTo(0.39 * 6 + 11.8 * 1.25 - 15.59, within(1e-9));
    }

    @Test
    void plainWordsMeetTheTargetAndTheClinicianCatalogueDoesNot() {
        ReadingLevel plain = ReadingLevel.of(List.of(
                "Kneel on one knee on a cushion, with the other foot flat in front of you.",
                "Move your hips slowly forward until you feel a stretch at the front of the back hip.",
                "Hold, then swap sides."));
        assertThat(plain.meetsTarget()).as(plain.describe()).isTrue();
        // the catalogue's own how-to for the hip-flexor stretch, as the old sheet printed it
        ReadingLevel clinical = ReadingLevel.of("Kneeling or half-kneeling hip-flexor stretch, done as part of the"
                + " warm-up. The catalogue asks for the pelvis to be tilted posteriorly so the stretch reaches the hip"
                + " flexors rather than extending the lumbar spine. In the Janda sequence, lengthening tight muscles"
                + " comes before strengthening the inhibited ones.");
        assertThat(clinical.meetsTarget()).as(clinical.describe()).isFalse();
        assertThat(clinical.grade()).isGreaterThan(ReadingLevel.MAX_GRADE + 3);
    }

    @Test
    void aScoreIsDescribedWithItsTargets() {
        assertThat(new ReadingLevel(12, 2, 15).describe())
                .matches("reading ease \\d+\\.\\d, grade -?\\d+\\.\\d \\(targets: ease >= 70, grade <= 6\\.0\\)");
    }
}
