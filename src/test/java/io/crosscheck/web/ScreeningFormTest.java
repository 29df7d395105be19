package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.support.RuleHarness;
import io.crosscheck.web.service.Questionnaires;
import io.crosscheck.web.service.ScreeningForm;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The screening form read as the API's request: yes/no flags of the breathing and psychosocial sections. */
class ScreeningFormTest {

    @Test
    void breathingAndPsychosocialFlagsBecomeTheRequestsSectionsWithTheFieldBehindEachPointer() {
        ScreeningForm form = new ScreeningForm(new ObjectMapper(), Questionnaires.load(), 3);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("clientRef", "form-1");
        values.put("breathing.upperChestDominant", "yes");
        values.put("breathing.mouthBreathing", "no");
        values.put("psychosocial.anxiety", "yes");
        ScreeningForm.Read read = form.read(RuleHarness.shipped().knowledgeBase(), values);
        assertThat(read.request().path("breathing").path("upperChestDominant").asBoolean())
                .isTrue();
        assertThat(read.request().path("breathing").path("mouthBreathing").isBoolean())
                .isTrue();
        assertThat(read.request().path("breathing").path("mouthBreathing").asBoolean())
                .isFalse();
        assertThat(read.request().path("breathing").has("frequentSighing"))
                .as("not asked stays out")
                .isFalse();
        assertThat(read.request().path("psychosocial").path("anxiety").asBoolean())
                .isTrue();
        assertThat(read.fieldOfPointer())
                .containsEntry("/breathing/upperChestDominant", "breathing.upperChestDominant")
                .containsEntry("/psychosocial/anxiety", "psychosocial.anxiety");
        // a section with nothing answered is left out of the request
        ScreeningForm.Read empty = form.read(RuleHarness.shipped().knowledgeBase(), Map.of("clientRef", "form-2"));
        assertThat(empty.request().has("breathing")).isFalse();
        assertThat(empty.request().has("psychosocial")).isFalse();
    }

    @Test
    void everyExampleRequestSurvivesTheFormsRoundTripForAmendingAndIsAcceptedAgain() throws Exception {
        ScreeningForm form = new ScreeningForm(new ObjectMapper(), Questionnaires.load(), 3);
        var kb = RuleHarness.shipped().knowledgeBase();
        var evaluator = io.crosscheck.screening.service.ScreeningEvaluator.standalone(10_000);
        for (String json : java.util.List.of(
                io.crosscheck.support.Requests.ARTICLE_DESK_WORKER,
                io.crosscheck.support.Requests.ARTICLE_WITH_SADDLE_NUMBNESS,
                io.crosscheck.support.Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS)) {
            com.fasterxml.jackson.databind.JsonNode stored = RuleHarness.JSON.readTree(json);
            ScreeningForm.Read again = form.read(kb, form.values(kb, stored));
            // accepted as it is, and every answer of the stored request's sections is back (questionnaire totals
            // without their items excepted: they are shown, not re-sent)
            evaluator.evaluate(again.request().toString(), kb);
            for (String section : java.util.List.of("client", "lifestyle", "breathing")) {
                stored.path(section).fieldNames().forEachRemaining(f -> {
                    if (!f.endsWith("Score")) {
                        assertThat(again.request().path(section).path(f).asText())
                                .as(section + "." + f)
                                .isEqualTo(stored.path(section).path(f).asText());
                    }
                });
            }
        }
    }
}
