package io.crosscheck.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.CdsConformance;
import org.junit.jupiter.api.Test;

/** The response check used on every CDS Hooks answer in CdsHooksApiTest finds what the specification forbids. */
class CdsConformanceCheckTest {

    @Test
    void aConformingCardPasses() {
        assertThat(CdsConformance.violations("""
                {"cards":[{"uuid":"0b7c5c3e-6a8e-4a57-9f0e-1d1a4bfa2b11","summary":"Findings consistent with a pattern",
                 "indicator":"info","source":{"label":"Crosscheck rule LCS-001","url":"https://x.example/kb/LCS-001.md"},
                 "suggestions":[{"label":"Propose","uuid":"5d2a3c0e-8f71-4a6c-9a35-08c3b8f2c0a1","isRecommended":true,
                   "actions":[{"type":"create","description":"Exercise programme","resource":{"resourceType":"ServiceRequest"}}]}],
                 "selectionBehavior":"at-most-one",
                 "links":[{"label":"Open","url":"https://x.example/ui/screenings/1","type":"absolute"},
                          {"label":"Launch","url":"https://x.example/smart/launch","type":"smart","appContext":"abc"}]}]}
                """)).isEmpty();
    }

    @Test
    void eachBrokenRuleOfTheSpecificationIsReported() {
        String longSummary = "x".repeat(140);
        assertThat(CdsConformance.violations("""
                {"cards":[{"uuid":"not-a-uuid","summary":"%s","indicator":"hard-stop","source":{"url":"relative/path"},
                 "suggestions":[{"label":"A","isRecommended":true,"actions":[{"type":"create","resource":{"resourceType":"ServiceRequest"}}]},
                                {"label":"B","isRecommended":true,"actionSelectionBehavior":"some",
                                 "actions":[{"type":"delete","resource":{"resourceType":"ServiceRequest"}}]}],
                 "overrideReasons":[{"code":"x"}],
                 "links":[{"label":"Open","url":"https://x.example/","type":"absolute","appContext":"abc"},
                          {"label":"","url":"/relative","type":"app"}]},
                 {"summary":"no suggestions behaviour","indicator":"info","source":{"label":"L"},
                  "suggestions":[{"label":"C","actions":[{"type":"create","description":"d","resource":{"resourceType":"Task"}}]}]}]}
                """.formatted(longSummary)))
                .containsExactlyInAnyOrder(
                        "card[0].uuid: not a UUID",
                        "card[0].summary: must be under 140 characters",
                        "card[0].indicator: must be info, warning or critical",
                        "card[0].source.label: required",
                        "card[0].source.url: must be an absolute URL",
                        "card[0].selectionBehavior: required when suggestions are present (cds-resp-6)",
                        "card[0].suggestions[0].actions[0].description: every action needs one (cds-resp-5)",
                        "card[0].suggestions[1].actionSelectionBehavior: all, any or at-most-one (cds-resp-7)",
                        "card[0].suggestions[1].actions[0].description: every action needs one (cds-resp-5)",
                        "card[0].suggestions[1].actions[0]: a delete names a resourceId, not a resource (cds-resp-2)",
                        "card[0].overrideReasons[0].display: required (cds-resp-4)",
                        "card[0].links[0].appContext: only on smart links (cds-resp-3)",
                        "card[0].links[1].label: required",
                        "card[0].links[1].url: required, an absolute URL",
                        "card[0].links[1].type: absolute or smart",
                        "card[1].selectionBehavior: required when suggestions are present (cds-resp-6)");
        assertThat(CdsConformance.violations(
                        "{\"cards\":[{\"summary\":\"s\",\"indicator\":\"info\",\"source\":{\"label\":\"l\"},"
                                + "\"selectionBehavior\":\"at-most-one\",\"suggestions\":[{\"label\":\"a\",\"isRecommended\":true,\"actions\":[]},"
                                + "{\"label\":\"b\",\"isRecommended\":true,\"actions\":[]}]}]}"))
                .containsExactly(
                        "card[0]: at most one recommended suggestion with selectionBehavior at-most-one (cds-resp-1)");
        assertThat(CdsConformance.violations("{}"))
                .containsExactly("cards: required (an array, empty when there is nothing to say)");
    }
}
