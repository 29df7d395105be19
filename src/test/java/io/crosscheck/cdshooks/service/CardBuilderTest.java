package io.crosscheck.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.common.json.Json;
import io.crosscheck.engine.InterventionOrders;
import io.crosscheck.fhir.service.CrosscheckCodes;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.model.ScreeningResult.Question;
import io.crosscheck.screening.model.ScreeningResult.RedFlagOutcome;
import io.crosscheck.screening.model.ScreeningResult.ReferralResult;
import io.crosscheck.screening.model.ScreeningResult.ScreenResult;
import io.crosscheck.screening.model.ScreeningResult.UnansweredDomain;
import io.crosscheck.support.RuleHarness;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Cards from a screening result, built directly (no HTTP, no database): which cards a result gives, what they
 * say and link to, and the FHIR resources their suggestions propose. Card uuids are numbered for the test.
 */
class CardBuilderTest {

    static final UUID SCREENING = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final String PATIENT = "patient-1";

    final AtomicInteger uuids = new AtomicInteger();
    /** The shipped knowledge base's orders, which code the suggested ServiceRequests. */
    static final InterventionOrders ORDERS =
            RuleHarness.shipped().knowledgeBase().reference().orders();

    final CardBuilder builder = new CardBuilder(
                    Json.newMapper(), "https://crosscheck.example.org/", id -> "uuid-" + uuids.incrementAndGet())
            .orderedWith(ORDERS);
    final CardBuilder smartBuilder = new CardBuilder(
                    Json.newMapper(), "https://crosscheck.example.org", id -> "uuid-" + uuids.incrementAndGet(), true)
            .orderedWith(ORDERS);

    @Test
    void aPendingReferralGivesOneCardPerReferralAndWithholdsEveryOtherCard() {
        ScreeningResult r = result(
                summary("positive", "withheld"),
                List.of(pattern("UCS", "consistent"), pattern("LCS", "partial")),
                new RedFlagOutcome(
                        true,
                        "emergency",
                        true,
                        List.of(
                                referral("cauda_equina", "emergency", "RF-001", "RF-CE"),
                                referral("malignancy", "soon", "RF-010")),
                        screen("positive", List.of())),
                List.of(intervention("stretch", 1)));

        List<CardBuilder.Issued> cards = builder.cards(r, PATIENT);

        assertThat(cards).extracting(CardBuilder.Issued::kind).containsExactly("referral", "referral");
        assertThat(cards).extracting(c -> c.card().indicator()).containsExactly("critical", "warning");
        assertThat(cards)
                .extracting(CardBuilder.Issued::ruleId)
                .as("the referral rule, after the flags' rules")
                .containsExactly("RF-CE", "RF-010");
        assertThat(cards.get(0).card().summary()).isEqualTo("Refer (emergency) to exclude cauda_equina label");
        assertThat(cards.get(0).card().detail())
                .contains("Red flags answered yes: reason of cauda\\_equina.")
                .contains("Exercise and further testing advice is withheld while the referral is pending")
                .contains("Rules: RF-001, RF-CE.");
    }

    @Test
    void aReferralProposesAServiceRequestWhosePriorityFollowsTheUrgency() {
        ScreeningResult r = result(
                summary("positive", "withheld"),
                List.of(),
                new RedFlagOutcome(
                        true,
                        "emergency",
                        true,
                        List.of(
                                referral("cauda_equina", "emergency", "RF-CE"),
                                referral("fracture", "urgent", "RF-FR"),
                                referral("malignancy", "soon", "RF-MA")),
                        screen("positive", List.of())),
                List.of());

        List<CardBuilder.Issued> cards = builder.cards(r, PATIENT);

        assertThat(cards).extracting(c -> c.card().indicator()).containsExactly("critical", "critical", "warning");
        assertThat(cards)
                .extracting(c -> proposed(c).path("priority").asText())
                .containsExactly("stat", "urgent", "routine");
        JsonNode request = proposed(cards.get(0));
        assertThat(request.path("resourceType").asText()).isEqualTo("ServiceRequest");
        assertThat(request.path("status").asText()).isEqualTo("draft");
        assertThat(request.path("intent").asText()).isEqualTo("proposal");
        assertThat(request.path("subject").path("reference").asText()).isEqualTo("Patient/" + PATIENT);
        assertThat(request.path("identifier").get(0).path("value").asText()).isEqualTo("urn:uuid:" + SCREENING);
        assertThat(request.path("code").path("coding").findValuesAsText("code"))
                .as("SNOMED CT Referral to doctor, and the Crosscheck code")
                .containsExactly("306253008", "referral");
        assertThat(request.path("performerType")
                        .path("coding")
                        .get(0)
                        .path("code")
                        .asText())
                .as("Medical practitioner")
                .isEqualTo("158965000");
        assertThat(request.path("category")
                        .get(0)
                        .path("coding")
                        .get(0)
                        .path("code")
                        .asText())
                .as("Patient referral")
                .isEqualTo("3457005");
        CdsModel.Suggestion suggestion = cards.get(0).card().suggestions().get(0);
        assertThat(suggestion.isRecommended()).isTrue();
        assertThat(suggestion.actions().get(0).type()).isEqualTo("create");
    }

    @Test
    void anIncompleteScreenNamesEveryUnansweredQuestionAndNeverReadsThemAsNo() {
        ScreeningResult r = result(
                summary("incomplete", "provisional"),
                List.of(),
                new RedFlagOutcome(
                        false,
                        null,
                        false,
                        List.of(),
                        screen(
                                "incomplete",
                                List.of(
                                        new UnansweredDomain(
                                                "cauda_equina",
                                                "Cauda equina",
                                                List.of(
                                                        new Question("saddle_anaesthesia", "Saddle numbness"),
                                                        new Question("bladder_dysfunction", "Bladder dysfunction"))),
                                        new UnansweredDomain(
                                                "infection",
                                                "Infection",
                                                List.of(new Question("fever_chills", "Fever or chills")))))),
                List.of());

        List<CardBuilder.Issued> cards = builder.cards(r, PATIENT);

        assertThat(cards).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("screen-incomplete");
            assertThat(c.ruleId()).isEqualTo("SAF-SCREEN");
            assertThat(c.card().indicator()).isEqualTo("warning");
            assertThat(c.card().summary())
                    .isEqualTo("Red-flag screen incomplete: 3 questions unanswered (Cauda equina, Infection)");
            assertThat(c.card().detail())
                    .contains("3 questions not answered")
                    .contains("never read as \"no\"")
                    .contains("- **Cauda equina**: Saddle numbness; Bladder dysfunction\n")
                    .contains("- **Infection**: Fever or chills\n")
                    .as("clinical words: labels, no internal codes")
                    .doesNotContain("`")
                    .doesNotContain("red-flag.");
            assertThat(c.card().suggestions()).isNull();
        });
    }

    @Test
    void onlyPatternsTheFindingsAreConsistentWithOrPartlyGetACardProvisionalWhileTheScreenIsIncomplete() {
        ScreeningResult r = result(
                summary("incomplete", "provisional"),
                List.of(pattern("UCS", "consistent"), pattern("LCS", "partial"), pattern("LAYER", "insufficient")),
                new RedFlagOutcome(
                        false,
                        null,
                        false,
                        List.of(),
                        screen(
                                "incomplete",
                                List.of(new UnansweredDomain(
                                        "infection",
                                        "Infection",
                                        List.of(new Question("fever_chills", "Fever or chills")))))),
                List.of());

        List<CardBuilder.Issued> cards = builder.cards(r, PATIENT);

        assertThat(cards)
                .extracting(CardBuilder.Issued::kind)
                .containsExactly("screen-incomplete", "pattern", "pattern");
        assertThat(cards.subList(1, 3)).extracting(CardBuilder.Issued::ruleId).containsExactly("UCS-RULE", "LCS-RULE");
        assertThat(cards.get(1).card().indicator()).isEqualTo("info");
        assertThat(cards.get(1).card().summary())
                .isEqualTo("Findings consistent with UCS (provisional: red-flag screen incomplete)");
        assertThat(cards.get(2).card().detail())
                .contains("(partial, provisional)")
                .contains("_" + ScreeningResult.DISCLAIMER + "_");
    }

    @Test
    void aPatternCardProposesThePlanAsOneOptionalExerciseProgrammeInJandasOrder() {
        ScreeningResult withPlan = result(
                summary("complete", "final"),
                List.of(pattern("LCS", "consistent")),
                negativeScreen(),
                List.of(intervention("stretch", 1), intervention("activation", 2)));
        ScreeningResult withoutPlan = result(
                summary("complete", "final"), List.of(pattern("LCS", "consistent")), negativeScreen(), List.of());

        CdsModel.Card card = builder.cards(withPlan, PATIENT).get(0).card();
        CdsModel.Card bare = builder.cards(withoutPlan, PATIENT).get(0).card();

        assertThat(card.selectionBehavior()).isEqualTo("at-most-one");
        assertThat(card.suggestions())
                .singleElement()
                .satisfies(s -> assertThat(s.isRecommended()).isFalse());
        assertThat(card.detail())
                .contains(
                        "**Suggested interventions** (Janda sequence):\n\n1. stretch name: dose\n1. activation name: dose\n");
        JsonNode programme = card.suggestions().get(0).actions().get(0).resource();
        assertThat(programme.path("orderDetail").findValuesAsText("code"))
                .containsExactly("intervention.stretch", "intervention.activation");
        assertThat(programme.path("code").path("coding").get(0).path("code").asText())
                .as("SNOMED CT Exercise therapy")
                .isEqualTo("229065009");
        assertThat(programme
                        .path("performerType")
                        .path("coding")
                        .get(0)
                        .path("code")
                        .asText())
                .as("Physiotherapist")
                .isEqualTo("36682004");
        assertThat(programme
                        .path("reasonCode")
                        .get(0)
                        .path("coding")
                        .get(0)
                        .path("code")
                        .asText())
                .isEqualTo("pattern.LCS");
        assertThat(bare.suggestions()).isNull();
        assertThat(bare.selectionBehavior()).isNull();
    }

    @Test
    void everyCardLinksTheRulesPageAClinicianCanOpenTheResultPageAndOffersTheOverrideReasons() {
        ScreeningResult r = result(
                summary("complete", "final"), List.of(pattern("UCS", "consistent")), negativeScreen(), List.of());

        CdsModel.Card card = builder.cards(r, PATIENT).get(0).card();

        assertThat(card.uuid()).isEqualTo("uuid-1");
        assertThat(card.source().label()).isEqualTo("Crosscheck rule UCS-RULE (knowledge base kb-1)");
        assertThat(card.source().url()).isEqualTo("https://crosscheck.example.org/ui/kb/rules/UCS-RULE");
        assertThat(card.links()).singleElement().satisfies(l -> {
            assertThat(l.type()).isEqualTo("absolute");
            assertThat(l.url()).isEqualTo("https://crosscheck.example.org/ui/screenings/" + SCREENING);
        });
        assertThat(card.overrideReasons())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.system()).isEqualTo(CrosscheckCodes.SYSTEM));
    }

    @Test
    void anEhrRegisteredForSmartAlsoGetsASmartLinkCarryingTheScreeningAsAppContext() {
        ScreeningResult r = result(
                summary("complete", "final"), List.of(pattern("UCS", "consistent")), negativeScreen(), List.of());

        CdsModel.Card card = smartBuilder.cards(r, PATIENT).get(0).card();

        assertThat(card.links()).extracting(CdsModel.Link::type).containsExactly("absolute", "smart");
        assertThat(card.links().get(1).url()).isEqualTo("https://crosscheck.example.org/smart/launch");
        assertThat(card.links().get(1).appContext()).isEqualTo(SCREENING.toString());
    }

    @Test
    void aNegativeScreenWithoutPatternsGivesNoCard() {
        ScreeningResult r = result(
                summary("complete", "final"), List.of(pattern("UCS", "insufficient")), negativeScreen(), List.of());

        assertThat(builder.cards(r, PATIENT)).isEmpty();
    }

    @Test
    void summariesAreCutOnAWordBoundaryToFitTheCdsHooksLimitWithAnEllipsis() {
        String words = "Findings consistent with the lower-crossed syndrome pattern (provisional: red-flag and health "
                + "screens incomplete, further questions to be asked before the plan is final)";
        String cut = CardBuilder.shorten(words);

        assertThat(words).hasSizeGreaterThan(140);
        assertThat(cut).hasSizeLessThan(140).endsWith("\u2026");
        String kept = cut.substring(0, cut.length() - 1);
        assertThat(words).startsWith(kept);
        assertThat(words.charAt(kept.length()))
                .as("cut before a space, not inside a word")
                .isEqualTo(' ');
        assertThat(CardBuilder.shorten("x".repeat(200)))
                .hasSize(CardBuilder.MAX_SUMMARY)
                .endsWith("\u2026");
        assertThat(CardBuilder.shorten("short")).isEqualTo("short");
    }

    @Test
    void aPatternCardsSourceNamesThePatternsOwnRulesAndThePatternAsItsTopic() {
        PatternResult lcs = new PatternResult(
                "LCS",
                "lower-crossed syndrome",
                "consistent",
                "assessed",
                "Findings consistent with the lower-crossed syndrome pattern",
                null,
                "evidence",
                List.of(
                        new ScreeningResult.FindingResult(
                                "short_hip_flexors",
                                "short hip flexors",
                                "muscle_length",
                                "left",
                                null,
                                null,
                                "c1",
                                "LCS-010"),
                        new ScreeningResult.FindingResult(
                                "gluteal_inhibition",
                                "gluteal inhibition",
                                "movement",
                                "left",
                                null,
                                null,
                                "c2",
                                "LCS-020"),
                        new ScreeningResult.FindingResult(
                                "short_hip_flexors",
                                "short hip flexors",
                                "muscle_length",
                                "right",
                                null,
                                null,
                                "c3",
                                "LCS-010")),
                List.of(),
                List.of(),
                List.of(),
                "c-LCS",
                "PAT-001");
        ScreeningResult r = result(summary("complete", "final"), List.of(lcs), negativeScreen(), List.of());

        CardBuilder.Issued card = builder.cards(r, PATIENT).get(0);

        assertThat(card.ruleId()).isEqualTo("PAT-001");
        assertThat(card.ruleIds()).containsExactly("LCS-010", "LCS-020", "PAT-001");
        assertThat(card.card().source().label())
                .isEqualTo("Crosscheck rule PAT-001 on findings of LCS-010, LCS-020 (knowledge base kb-1)");
        assertThat(card.card().source().topic().code()).isEqualTo("pattern.LCS");
        assertThat(card.card().source().topic().display()).isEqualTo("lower-crossed syndrome");
    }

    @Test
    void aRedFlagScreenNeverBegunInTheChartGetsNoCardOfItsOwnButOneBegunAndLeftIncompleteDoes() {
        ScreeningResult r = result(
                summary("incomplete", "provisional"),
                List.of(pattern("LCS", "consistent")),
                new RedFlagOutcome(
                        false,
                        null,
                        false,
                        List.of(),
                        screen(
                                "incomplete",
                                List.of(new UnansweredDomain(
                                        "infection",
                                        "Infection",
                                        List.of(new Question("fever_chills", "Fever or chills")))))),
                List.of());

        List<CardBuilder.Issued> neverBegun =
                builder.cards(r, PATIENT, new CardBuilder.Context(false, List.of(), false));
        List<CardBuilder.Issued> begun = builder.cards(r, PATIENT, new CardBuilder.Context(true, List.of(), false));

        assertThat(neverBegun).extracting(CardBuilder.Issued::kind).containsExactly("pattern");
        assertThat(neverBegun.get(0).card().detail())
                .contains("**Red-flag screen incomplete.** 1 question not answered (never read as \"no\"): Infection.");
        assertThat(begun).extracting(CardBuilder.Issued::kind).containsExactly("screen-incomplete", "pattern");
    }

    @Test
    void aChartNotFullyReadGivesAWarningCardSayingWhatWasNotReadAndEveryCardSaysItTooOutsideItsFingerprint() {
        ScreeningResult r = result(
                summary("incomplete", "provisional"),
                List.of(pattern("LCS", "consistent")),
                new RedFlagOutcome(false, null, false, List.of(), screen("incomplete", List.of())),
                List.of());
        List<String> lines = List.of("Observations (findings and answers): not read within the deadline (1000 ms)");

        List<CardBuilder.Issued> cards = builder.cards(r, PATIENT, new CardBuilder.Context(true, lines, true));
        List<CardBuilder.Issued> otherDay = builder.cards(
                r,
                PATIENT,
                new CardBuilder.Context(true, List.of("Questionnaire answers: the EHR reported an error"), true));

        assertThat(cards).extracting(CardBuilder.Issued::kind).containsExactly("chart-incomplete", "pattern");
        CdsModel.Card warning = cards.get(0).card();
        assertThat(warning.indicator()).isEqualTo("warning");
        assertThat(warning.summary()).isEqualTo("Chart not fully read: red-flag screen not complete");
        assertThat(warning.detail())
                .contains("no answer of \"no\" in it is relied on")
                .contains(
                        "**Not read from the chart:**\n\n- Observations (findings and answers): not read within the deadline (1000 ms)");
        assertThat(cards.get(1).card().detail()).contains("**Not read from the chart:**");
        assertThat(cards)
                .extracting(CardBuilder.Issued::fingerprint)
                .as("what was not read changes from call to call; the card is the same card")
                .isEqualTo(
                        otherDay.stream().map(CardBuilder.Issued::fingerprint).toList());
    }

    @Test
    void knowledgeBaseTextIsEscapedSoMarkdownShowsItAsWritten() {
        assertThat(CardBuilder.markdown("*hip* _flexor_ [a] <b> #1 |x| `c` \\"))
                .isEqualTo("\\*hip\\* \\_flexor\\_ \\[a\\] \\<b\\> \\#1 \\|x\\| \\`c\\` \\\\");
        assertThat(CardBuilder.markdown(null)).isEmpty();
    }

    // ---- results built by hand ----

    private static JsonNode proposed(CardBuilder.Issued card) {
        return card.card().suggestions().get(0).actions().get(0).resource();
    }

    private static ScreeningResult result(
            ScreeningResult.Summary summary,
            List<PatternResult> patterns,
            RedFlagOutcome flags,
            List<InterventionResult> interventions) {
        return new ScreeningResult(
                SCREENING,
                Instant.parse("2026-01-01T10:00:00Z"),
                "pseudo-1",
                new ScreeningResult.KnowledgeBaseRef("kb-1", Instant.parse("2026-01-01T09:00:00Z")),
                ScreeningResult.DISCLAIMER,
                summary,
                patterns,
                flags,
                new ScreeningResult.HealthScreenOutcome("complete", List.of(), List.of(), null, "HSC-022"),
                interventions,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null);
    }

    private static ScreeningResult.Summary summary(String screen, String plan) {
        return new ScreeningResult.Summary(screen, "complete", plan, "headline");
    }

    private static RedFlagOutcome negativeScreen() {
        return new RedFlagOutcome(false, null, false, List.of(), screen("complete", List.of()));
    }

    private static ScreenResult screen(String status, List<UnansweredDomain> unanswered) {
        return new ScreenResult(status, unanswered, null, "SAF-SCREEN");
    }

    private static ReferralResult referral(String domain, String urgency, String... ruleIds) {
        return new ReferralResult(
                domain,
                domain + " label",
                "to exclude " + domain + " label",
                urgency,
                List.of("reason of " + domain),
                List.of(ruleIds),
                "c-" + domain);
    }

    private static PatternResult pattern(String code, String status) {
        return new PatternResult(
                code,
                code + " name",
                status,
                "assessed",
                "Findings consistent with " + code,
                null,
                "evidence of " + code,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "c-" + code,
                code + "-RULE");
    }

    private static InterventionResult intervention(String id, int phase) {
        return new InterventionResult(
                id,
                id + " name",
                "exercise",
                phase,
                List.of(),
                "dose",
                null,
                List.of("because"),
                List.of("PLAN-" + id),
                List.of("c-" + id),
                List.of(),
                null,
                null);
    }
}
