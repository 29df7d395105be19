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
}
