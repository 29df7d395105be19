package io.crosscheck.authoring.cornerstone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.authoring.scenario.Scenario;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A cornerstone case without the service: what pseudonymising a request keeps and drops, that the knowledge base
 * concludes the same from the pseudonymised request, how two conclusions are compared and shown side by side, and the
 * case exported as a scenario file that the scenario runner loads and passes.
 */
class CornerstoneCaseTest {

    static final String FOLLOW_UP = Requests.FORWARD_HEAD_CVA_49
            .replace("pseudo-0001", "cs-client-4711")
            .replace("\"age\": 34", "\"age\": 97")
            .replace("\"sex\": \"female\"", "\"sex\": \"female\", \"note\": \"lives at 12 Harbour Road\"")
            .replace("\"redFlags\": [", """
                    "outcomes": [{"measure": "psfs", "items": [4, 6], "activities": ["gardening at Kew", "reading"]}],
                    "followUp": {"previous": {"screeningId": "6f1d8a52-3b8c-4b1e-9d55-2f0b3c7e9a10", "date": "2026-10-14",
                                 "scores": {"psfs": 3.0}, "programme": ["hip_flexor_stretch"]}},
                    "redFlags": [""");

    static JsonNode pseudonymised(String json) throws Exception {
        ScreeningRequest r = RuleHarness.JSON.readValue(json, ScreeningRequest.class);
        return Pseudonymiser.json(RuleHarness.JSON, r);
    }

    @Test
    void pseudonymisingDropsTheClientReferenceFreeTextTheScreeningIdAndTheExactDateAndCapsTheAge() throws Exception {
        JsonNode p = pseudonymised(FOLLOW_UP);
        String text = p.toString();
        assertThat(text)
                .doesNotContain("cs-client-4711")
                .doesNotContain("Harbour")
                .doesNotContain("Kew")
                .doesNotContain("6f1d8a52")
                .doesNotContain("2026-10-14");
        assertThat(p.path("clientRef").asText()).isEqualTo("cornerstone");
        assertThat(p.path("client").path("age").asInt()).isEqualTo(90);
        assertThat(p.path("client").path("sex").asText()).isEqualTo("female");
        assertThat(p.path("client").has("note")).isFalse();
        assertThat(p.path("outcomes").get(0).path("activities").toString())
                .isEqualTo("[\"activity 1\",\"activity 2\"]");
        assertThat(p.path("outcomes").get(0).path("items").toString()).isEqualTo("[4.0,6.0]");
        assertThat(p.path("followUp").path("previous").path("date").asText()).isEqualTo("2026-01-01");
        assertThat(p.path("followUp").path("previous").path("programme").toString())
                .isEqualTo("[\"hip_flexor_stretch\"]");
        assertThat(p.path("observations").toString()).contains("craniovertebral_angle");
        assertThat(p.path("redFlags").size()).isEqualTo(20);
    }

    @Test
    void theKnowledgeBaseConcludesTheSameFromThePseudonymisedRequestWhenNothingItReadsWasIdentifying()
            throws Exception {
        RuleHarness kb = RuleHarness.shipped();
        Conclusion original = Conclusion.of(kb.screen(Requests.FORWARD_HEAD_CVA_49));
        Conclusion kept = Conclusion.of(
                kb.screen(pseudonymised(Requests.FORWARD_HEAD_CVA_49).toString()));
        assertThat(kept).isEqualTo(original);
        assertThat(kept.patterns()).containsEntry("UCS", "consistent");
    }

    @Test
    void twoConclusionsAreComparedAspectByAspectAndTheChangedOnesNamedInWords() {
        Conclusion before = conclusion("consistent", List.of("chin_tuck", "warm_up"));
        Conclusion sameInOtherOrder = new Conclusion(
                Map.of("UCS", "consistent", "LCS", "partial"),
                Map.of("UCS", List.of(), "LCS", List.of()),
                "none",
                "complete",
                "complete",
                "final",
                List.of("chin_tuck", "warm_up"),
                List.of(),
                List.of(),
                List.of(),
                null);
        assertThat(sameInOtherOrder).isEqualTo(before);
        Conclusion after = conclusion("partial", List.of("warm_up"));
        assertThat(Conclusion.changes(before, after))
                .containsExactly("pattern UCS: consistent → partial", "interventions: chin_tuck, warm_up → warm_up");
        assertThat(Conclusion.sideBySide(before, after))
                .filteredOn(r -> !r.changed())
                .extracting(Conclusion.Row::aspect)
                .contains("pattern LCS", "referral", "plan");
        assertThat(Conclusion.changes(before, Conclusion.refused(List.of("/observations/1/code"))))
                .contains("request: — → refused (/observations/1/code)");
    }

    @Test
    void aCaseExportedAsAScenarioFileIsLoadedAndPassedByTheScenarioRunner() throws Exception {
        RuleHarness kb = RuleHarness.shipped();
        JsonNode request = pseudonymised(Requests.FORWARD_HEAD_CVA_49);
        CornerstoneRuns.Run run = new CornerstoneRuns(
                        io.crosscheck.screening.service.ScreeningEvaluator.standalone(10_000))
                .run(kb.knowledgeBase(), new CornerstoneRuns.Case("x", request));
        CornerstoneViews views = new CornerstoneViews(RuleHarness.JSON);
        Cornerstone c = new Cornerstone();
        c.id = UUID.fromString("0f3c2a9e-5b1d-4c7e-9a80-6d2e4f1b7c35");
        c.origin = Cornerstone.DISAGREEMENT;
        c.ruleIds = Cornerstone.padded(List.of("UCS-001", "SAF-001"));
        c.requestJson = request.toString();
        c.expected = "consistent:\nthe angle was measured standing";
        c.decidedIn = "2026-11";
        c.promotedBy = "anna";
        c.promotedAt = Instant.parse("2026-12-01T10:00:00Z");
        c.kbVersion = kb.knowledgeBase().version();
        c.conclusionJson = views.write(run.conclusion());
        c.fired = String.join(" ", run.fired());
        c.status = Cornerstone.KEPT;

        String yaml = CornerstoneScenario.yaml(c, views);
        System.out.println(yaml);
        assertThat(CornerstoneScenario.fileName(c)).isEqualTo("cornerstone-0f3c2a9e.yaml");
        assertThat(yaml)
                .startsWith("# Exported from Crosscheck")
                .contains(
                        "title: \"Cornerstone 0f3c2a9e (UCS-001, SAF-001, from a disagreement): expected consistent: the"
                                + " angle was measured standing\"")
                .contains("clientRef: cornerstone")
                .doesNotContain("file:")
                .doesNotContain("null")
                .doesNotContain("empty:");
        List<KnowledgeProblem> problems = new ArrayList<>();
        List<Scenario> loaded = ScenarioSuite.load(
                new KnowledgeSource("export", Map.of(ScenarioSuite.DIR + "cornerstone-0f3c2a9e.yaml", yaml)), problems);
        assertThat(problems).isEmpty();
        Scenario s = loaded.get(0);
        assertThat(s.expect().patterns()).containsEntry("UCS", "consistent");
        assertThat(s.expect().explanation())
                .extracting(Scenario.ExplanationEntry::rule)
                .containsExactly("UCS-001");
        assertThat(s.expect().absent())
                .extracting(Scenario.ExplanationEntry::rule)
                .containsExactly("SAF-001");
        assertThat(new ScenarioSuite(io.crosscheck.screening.service.ScreeningEvaluator.standalone(10_000))
                        .run(kb.knowledgeBase(), s)
                        .failures())
                .isEmpty();
    }

    static Conclusion conclusion(String ucs, List<String> interventions) {
        return new Conclusion(
                new java.util.TreeMap<>(Map.of("LCS", "partial", "UCS", ucs)),
                new java.util.TreeMap<>(Map.of("LCS", List.of(), "UCS", List.of())),
                "none",
                "complete",
                "complete",
                "final",
                interventions,
                List.of(),
                List.of(),
                List.of(),
                null);
    }
}
