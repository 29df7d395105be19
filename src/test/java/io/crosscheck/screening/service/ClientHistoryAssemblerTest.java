package io.crosscheck.screening.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ClientHistory;
import io.crosscheck.screening.model.ClientHistory.Series;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client's history for charts, assembled directly from stored screenings and the shipped knowledge base (no HTTP,
 * no database): the series of measured values with the thresholds the rules use, and each pattern's status over time.
 */
class ClientHistoryAssemblerTest {

    static final KnowledgeBase KB = RuleHarness.shipped().knowledgeBase();

    final Map<Screening, String> requests = new HashMap<>();
    final ClientHistoryAssembler assembler = new ClientHistoryAssembler(
            s -> read(requests.get(s)), s -> ScreeningSummary.of(s.referralUrgency, s.patternStatus));

    @Test
    void eachMeasuredValueIsAPointOfItsOwnSeriesOldestScreeningFirstWithTheThresholdsTheRulesUse() {
        Screening first = screening(Requests.ARTICLE_DESK_WORKER, "2026-01-05T10:00:00Z", "LCS=consistent");
        Screening second = screening(
                Requests.ARTICLE_DESK_WORKER.replace("\"value\": 12", "\"value\": 4"),
                "2026-02-05T10:00:00Z",
                "LCS=consistent");

        ClientHistory history = assembler.history("pseudo-0001", KB, List.of(first, second));

        Series left = series(history, "muscleLength", "iliopsoas", "left");
        assertThat(left.points()).extracting(ClientHistory.Point::screeningId).containsExactly(first.id, second.id);
        assertThat(left.points()).extracting(ClientHistory.Point::value).containsExactly(12.0, 4.0);
        assertThat(left.points())
                .extracting(ClientHistory.Point::createdAt)
                .containsExactly(first.createdAt, second.createdAt);
        assertThat(left.unit()).isEqualTo("deg");
        assertThat(left.label()).contains("thigh angle above the horizontal");
        assertThat(left.thresholds())
                .extracting(ClientHistory.ThresholdLine::id)
                .containsExactly("iliopsoas_thomas");
        assertThat(left.thresholds().get(0).comparator()).isEqualTo(">");
        assertThat(left.thresholds().get(0).rules())
                .extracting(ClientHistory.ThresholdRule::id)
                .contains("LCS-010");
        assertThat(series(history, "muscleLength", "iliopsoas", "right").points())
                .as("the other side is a series of its own")
                .extracting(ClientHistory.Point::value)
                .containsExactly(9.0, 9.0);
    }

    @Test
    void aSymptomsPainIsChartedOnTheNrsScaleLabelledByRegionAndKind() {
        Screening s = screening(Requests.ARTICLE_DESK_WORKER, "2026-01-05T10:00:00Z", "LCS=consistent");

        Series pain = series(assembler.history("pseudo-0001", KB, List.of(s)), "symptom", "low_back", null);

        assertThat(pain.qualifier()).isEqualTo("tightness");
        assertThat(pain.unit()).isEqualTo(ClientHistoryAssembler.NRS_UNIT);
        assertThat(pain.label()).endsWith(" (NRS)").doesNotContain("low_back");
        assertThat(pain.points()).extracting(ClientHistory.Point::value).containsExactly(4.0);
        assertThat(pain.thresholds())
                .extracting(ClientHistory.ThresholdLine::id)
                .contains("severe_pain")
                .doesNotContain("chronic_pain_weeks");
    }

    @Test
    void findingsWithoutAMeasuredValueAreNotCharted() {
        Screening s = screening(Requests.ARTICLE_DESK_WORKER, "2026-01-05T10:00:00Z", "LCS=consistent");

        ClientHistory history = assembler.history("pseudo-0001", KB, List.of(s));

        assertThat(history.series())
                .extracting(Series::code)
                .doesNotContain("anterior_pelvic_tilt", "prone_hip_extension")
                .containsExactlyInAnyOrder("iliopsoas", "iliopsoas", "low_back");
    }

    @Test
    void eachPatternsStatusIsListedPerScreeningUnderItsName() {
        Screening first =
                screening(Requests.ARTICLE_DESK_WORKER, "2026-01-05T10:00:00Z", "LCS=consistent,UCS=insufficient");
        Screening second = screening(Requests.ARTICLE_DESK_WORKER, "2026-02-05T10:00:00Z", "LCS=partial,XYZ=partial");

        ClientHistory history = assembler.history("pseudo-0001", KB, List.of(first, second));

        assertThat(history.patterns())
                .extracting(ClientHistory.PatternSeries::code)
                .containsExactly("LCS", "UCS", "XYZ");
        ClientHistory.PatternSeries lcs = history.patterns().get(0);
        assertThat(lcs.name()).isEqualTo("lower-crossed syndrome");
        assertThat(lcs.points()).extracting(ClientHistory.StatusPoint::status).containsExactly("consistent", "partial");
        assertThat(lcs.points())
                .extracting(ClientHistory.StatusPoint::screeningId)
                .containsExactly(first.id, second.id);
        assertThat(history.patterns().get(2).name())
                .as("a code the knowledge base does not know keeps its code")
                .isEqualTo("XYZ");
    }

    @Test
    void anAmendedScreeningIsChartedAtTheTimeOfTheScreeningItAmends() {
        Screening amended = screening(Requests.ARTICLE_DESK_WORKER, "2026-03-01T10:00:00Z", "LCS=consistent");
        amended.screenedAt = Instant.parse("2026-01-05T10:00:00Z");

        ClientHistory history = assembler.history("pseudo-0001", KB, List.of(amended));

        assertThat(series(history, "symptom", "low_back", null).points().get(0).createdAt())
                .isEqualTo(amended.screenedAt);
        assertThat(history.patterns().get(0).points().get(0).createdAt()).isEqualTo(amended.screenedAt);
    }

    @Test
    void theHistoryNamesTheClientAndTheKnowledgeBaseWhoseThresholdsItShows() {
        ClientHistory history = assembler.history("pseudo-0001", KB, List.of());

        assertThat(history.clientRef()).isEqualTo("pseudo-0001");
        assertThat(history.knowledgeBaseVersion()).isEqualTo(KB.version());
        assertThat(history.series()).isEmpty();
        assertThat(history.patterns()).isEmpty();
    }

    private Screening screening(String request, String at, String patternStatus) {
        Screening s = new Screening();
        s.id = UUID.randomUUID();
        s.createdAt = Instant.parse(at);
        s.referralUrgency = ScreeningSummary.NO_REFERRAL;
        s.patternStatus = patternStatus;
        requests.put(s, request);
        return s;
    }

    private static Series series(ClientHistory history, String kind, String code, String side) {
        return history.series().stream()
                .filter(s -> s.kind().equals(kind) && s.code().equals(code) && java.util.Objects.equals(s.side(), side))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no series " + kind + " " + code + " " + side + " in " + history.series()));
    }

    private static ScreeningRequest read(String json) {
        try {
            return RuleHarness.JSON.readValue(json, ScreeningRequest.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
