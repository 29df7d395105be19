package io.crosscheck.screening.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScreeningSummaryTest {

    @Test
    void lessEvidenceForAPatternIsBetterAndMoreIsWorse() {
        assertThat(ScreeningSummary.patternTrend("partial", "consistent")).isEqualTo("better");
        assertThat(ScreeningSummary.patternTrend("insufficient", "partial")).isEqualTo("better");
        assertThat(ScreeningSummary.patternTrend("consistent", "insufficient")).isEqualTo("worse");
        assertThat(ScreeningSummary.patternTrend("partial", "partial")).isEqualTo("same");
    }

    @Test
    void aNewOrMoreUrgentReferralIsWorseAndNoneAnyMoreIsBetter() {
        assertThat(ScreeningSummary.referralTrend("urgent", "none")).isEqualTo("worse");
        assertThat(ScreeningSummary.referralTrend("emergency", "urgent")).isEqualTo("worse");
        assertThat(ScreeningSummary.referralTrend("soon", "emergency")).isEqualTo("better");
        assertThat(ScreeningSummary.referralTrend("none", "soon")).isEqualTo("better");
        assertThat(ScreeningSummary.referralTrend("none", "none")).isEqualTo("same");
    }

    @Test
    void withoutAnEarlierValueOrWithAnUnknownOneThereIsNoTrend() {
        assertThat(ScreeningSummary.patternTrend("partial", null)).isEqualTo("none");
        assertThat(ScreeningSummary.referralTrend("none", null)).isEqualTo("none");
        assertThat(ScreeningSummary.patternTrend("partial", "maybe")).isEqualTo("none");
    }

    @Test
    void theSummaryColumnsReadBackAsWritten() {
        ScreeningSummary s = new ScreeningSummary("urgent", new java.util.LinkedHashMap<>(Map.of("UCS", "partial")));
        ScreeningSummary back = ScreeningSummary.of(s.referral(), s.patternColumn());
        assertThat(back).isEqualTo(s);
        assertThat(ScreeningSummary.of(null, "UCS=partial")).isNull();
    }
}
