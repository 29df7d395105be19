package io.crosscheck.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.common.json.Json;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.Consideration;
import io.crosscheck.screening.model.ScreeningResult.HealthScreenOutcome;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.model.ScreeningResult.Question;
import io.crosscheck.screening.model.ScreeningResult.RedFlagOutcome;
import io.crosscheck.screening.model.ScreeningResult.ReferralResult;
import io.crosscheck.screening.model.ScreeningResult.ScreenResult;
import io.crosscheck.screening.model.ScreeningResult.UnansweredDomain;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The health screen in cards: a cardiovascular referral is a card at its urgency with its purpose; the screen's
 * status is stated where the red-flag screen's is; an incomplete health screen alone adds no card.
 */
class CardBuilderHealthScreenTest {

    final CardBuilder builder = new CardBuilder(Json.newMapper(), "https://crosscheck.example.org", id -> "uuid")
            .orderedWith(CardBuilderTest.ORDERS);

    private static final Consideration ANGINA = new Consideration(
            "possible_angina", "cardiovascular", "possible angina", "exertional chest pain", "CVS-002");

    private static ScreeningResult result(
            String plan, RedFlagOutcome flags, HealthScreenOutcome health, List<PatternResult> patterns) {
        return new ScreeningResult(
                UUID.fromString("00000000-0000-0000-0000-0000000000bb"),
                Instant.parse("2026-01-01T10:00:00Z"),
                "pseudo-2",
                new ScreeningResult.KnowledgeBaseRef("kb-1", Instant.parse("2026-01-01T09:00:00Z")),
                ScreeningResult.DISCLAIMER,
                new ScreeningResult.Summary(flags.screen().status(), health.status(), plan, "headline"),
                patterns,
                flags,
                health,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null);
    }

    private static PatternResult ucs() {
        return new PatternResult(
                "UCS",
                "Upper crossed",
                "consistent",
                "assessed",
                "Findings consistent with UCS",
                null,
                "evidence",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "c-UCS",
                "UCS-RULE");
    }

    private static ScreenResult complete() {
        return new ScreenResult("complete", List.of(), null, "SAF-SCREEN");
    }

    @Test
    void aCardiovascularReferralIsACardAtItsUrgencyWithItsPurpose() {
        ReferralResult ref = new ReferralResult(
                "cardiovascular",
                "possible angina",
                "for prompt cardiac assessment (possible angina) before exercise",
                "urgent",
                List.of("possible angina"),
                List.of("CVS-002", "CVS-011"),
                "c-cv");
        ScreeningResult r = result(
                "withheld",
                new RedFlagOutcome(true, "urgent", true, List.of(ref), complete()),
                new HealthScreenOutcome("positive", List.of(), List.of(ANGINA), "positive", "HSC-023"),
                List.of(ucs()));

        List<CardBuilder.Issued> cards = builder.cards(r, "p");

        assertThat(cards).extracting(CardBuilder.Issued::kind).containsExactly("referral");
        assertThat(cards.get(0).card().indicator()).isEqualTo("critical");
        assertThat(cards.get(0).card().summary())
                .isEqualTo("Refer (urgent) for prompt cardiac assessment (possible angina) before exercise");
        assertThat(cards.get(0).card().detail())
                .contains("Health-screen answers: possible angina.")
                .doesNotContain("Red flags answered yes");
        assertThat(cards.get(0)
                        .card()
                        .suggestions()
                        .get(0)
                        .actions()
                        .get(0)
                        .resource()
                        .toString())
                .contains("Health screen: possible angina")
                .contains("\"priority\":\"urgent\"");
    }

    @Test
    void anIncompleteHealthScreenAloneAddsNoCardButIsStatedInThePatternCard() {
        ScreeningResult r = result(
                "provisional",
                new RedFlagOutcome(false, null, false, List.of(), complete()),
                new HealthScreenOutcome(
                        "incomplete",
                        List.of(new UnansweredDomain(
                                "cardiovascular",
                                "Heart and circulation",
                                List.of(new Question("palpitations", "Palpitations")))),
                        List.of(),
                        null,
                        "HSC-021"),
                List.of(ucs()));

        List<CardBuilder.Issued> cards = builder.cards(r, "p");

        assertThat(cards).extracting(CardBuilder.Issued::kind).containsExactly("pattern");
        assertThat(cards.get(0).card().indicator()).isEqualTo("info");
        assertThat(cards.get(0).card().summary())
                .isEqualTo("Findings consistent with UCS (provisional: health screen incomplete)");
        assertThat(cards.get(0).card().detail())
                .contains("**Health screen incomplete.**")
                .contains("Heart and circulation (Palpitations)");
    }

    @Test
    void theIncompleteRedFlagCardStatesTheHealthScreenToo() {
        ScreeningResult r = result(
                "provisional",
                new RedFlagOutcome(
                        false,
                        null,
                        false,
                        List.of(),
                        new ScreenResult(
                                "incomplete",
                                List.of(new UnansweredDomain(
                                        "infection", "Infection", List.of(new Question("fever_chills", "Fever")))),
                                null,
                                "SAF-SCREEN")),
                new HealthScreenOutcome("complete", List.of(), List.of(), null, "HSC-022"),
                List.of());

        List<CardBuilder.Issued> cards = builder.cards(r, "p");

        assertThat(cards).extracting(CardBuilder.Issued::kind).containsExactly("screen-incomplete");
        assertThat(cards.get(0).card().detail()).contains("**Health screen complete.** Nothing changes the plan.");
    }
}
