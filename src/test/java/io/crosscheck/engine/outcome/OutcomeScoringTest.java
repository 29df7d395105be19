package io.crosscheck.engine.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.outcome.OutcomeMeasures.Better;
import io.crosscheck.engine.outcome.OutcomeMeasures.Item;
import io.crosscheck.engine.outcome.OutcomeMeasures.Mcid;
import io.crosscheck.engine.outcome.OutcomeMeasures.Measure;
import io.crosscheck.engine.outcome.OutcomeMeasures.Scoring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each measure is scored the way its authors publish, and an item out of range or too many gaps leave it unscored. */
class OutcomeScoringTest {

    static final Measure ODI = new Measure(
            "odi",
            "Oswestry Disability Index",
            "ODI",
            IntStream.range(0, 10).mapToObj(i -> new Item("section " + i)).toList(),
            null,
            null,
            0,
            5,
            Scoring.percent,
            1,
            0,
            100,
            "%",
            Better.lower,
            new Mcid(10, "10 points"),
            null,
            "licensed",
            List.of("FAIRBANK00"));

    static final Measure PSFS = new Measure(
            "psfs",
            "Patient-Specific Functional Scale",
            "PSFS",
            List.of(),
            true,
            5,
            0,
            10,
            Scoring.mean,
            0,
            0,
            10,
            "0-10",
            Better.higher,
            new Mcid(2, "2 points"),
            null,
            "public",
            List.of("STRATFORD95"));

    @Test
    void theOdiIsTheSumAsAPercentageOfTheMaximumForTheSectionsAnswered() {
        assertThat(OutcomeScoring.score(ODI, items(5, 5, 5, 5, 5, 5, 5, 5, 5, 5), null)
                        .score())
                .isEqualTo(100.0);
        assertThat(OutcomeScoring.score(ODI, items(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), null)
                        .score())
                .isEqualTo(0.0);
        // one section left out: 20 of a possible 45
        assertThat(OutcomeScoring.score(ODI, items(2, 2, 3, 1, 3, 2, 2, null, 2, 3), null)
                        .score())
                .isEqualTo(44.4);
    }

    @Test
    void twoSectionsLeftOutLeaveTheOdiUnscoredRatherThanLow() {
        OutcomeScoring.Scored scored = OutcomeScoring.score(ODI, items(2, null, 3, 1, 3, 2, 2, null, 2, 3), null);
        assertThat(scored.score()).isNull();
        assertThat(scored.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.index()).isNull());
    }

    @Test
    void eachItemOutOfRangeOrNotWholeIsNamedByItsIndex() {
        OutcomeScoring.Scored scored = OutcomeScoring.score(ODI, items(2, 6, 3, 1, 3, 2.5, 2, 1, -1, 3), null);
        assertThat(scored.ok()).isFalse();
        assertThat(scored.problems()).extracting(OutcomeScoring.Problem::index).containsExactly(1, 5, 8);
        assertThat(OutcomeScoring.score(ODI, items(1, 2, 3), null).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("all 10 items"));
    }

    @Test
    void thePsfsIsTheMeanOfTheActivitiesTheClientNamed() {
        assertThat(OutcomeScoring.score(PSFS, items(4, 6, 5), List.of("a", "b", "c"))
                        .score())
                .isEqualTo(5.0);
        assertThat(OutcomeScoring.score(PSFS, items(4, 5), List.of("a", "b")).score())
                .isEqualTo(4.5);
        assertThat(OutcomeScoring.score(PSFS, items(4, 5), List.of("a")).ok()).isFalse();
        assertThat(OutcomeScoring.score(PSFS, items(1, 2, 3, 4, 5, 6), List.of("a", "b", "c", "d", "e", "f"))
                        .ok())
                .isFalse();
    }

    @Test
    void anImprovementIsPositiveWhicheverWayTheMeasureImproves() {
        assertThat(OutcomeScoring.improvement(ODI, 30, 44.4)).isEqualTo(14.4);
        assertThat(OutcomeScoring.improvement(PSFS, 7, 4.5)).isEqualTo(2.5);
        assertThat(OutcomeScoring.improvement(PSFS, 3, 4.5)).isEqualTo(-1.5);
        assertThat(OutcomeScoring.improvement(ODI, 30, null)).isNull();
    }

    private static List<Double> items(Number... values) {
        List<Double> list = new ArrayList<>();
        Arrays.stream(values).forEach(v -> list.add(v == null ? null : v.doubleValue()));
        return list;
    }
}
