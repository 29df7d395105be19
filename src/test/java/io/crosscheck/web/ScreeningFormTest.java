package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.support.RuleHarness;
import io.crosscheck.web.service.Questionnaires;
import io.crosscheck.web.service.ScreeningForm;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The screening form read as the API's request (yes/no flags of the breathing and psychosocial sections, every example
 * round-tripped), scoped to the client and the complaint from the reference data, and its messages in a clinician's
 * words.
 */
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

    @Test
    void aLowBackClientsFormFoldsTheCervicalDomainsAndUpperCrossedTestsButNeverAnAnsweredOne() {
        ScreeningForm form = new ScreeningForm(new ObjectMapper(), Questionnaires.load(), 3);
        var kb = RuleHarness.shipped().knowledgeBase();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("client.age", "34");
        values.put("client.sex", "female");
        values.put("sy.0.region", "low_back");
        values.put("obs.forward_head.sign", "present");
        io.crosscheck.web.service.FormModel model = form.model(kb, values, Map.of(), Map.of());
        // red-flags.yaml: the domains whose regions include the low back
        assertThat(model.redFlags().stream()
                        .filter(d -> !d.scope().out())
                        .map(io.crosscheck.web.service.FormModel.RedFlagDomainView::code))
                .containsExactly(
                        "cauda_equina",
                        "progressive_neurological_deficit",
                        "malignancy",
                        "infection",
                        "fracture",
                        "inflammatory");
        // patterns.yaml regions of the pattern each test's findings count towards
        assertThat(posture(model, "anterior_pelvic_tilt").out()).isFalse();
        assertThat(posture(model, "craniovertebral_angle").out()).isTrue();
        assertThat(posture(model, "forward_head").out())
                .as("answered: never folded")
                .isFalse();
        assertThat(muscle(model, "iliopsoas").out()).isFalse();
        assertThat(muscle(model, "upper_trapezius").out()).isTrue();
        assertThat(muscle(model, "upper_trapezius").regions()).contains("neck", "shoulder");
        assertThat(movement(model, "cervical_flexion").out()).isTrue();
        assertThat(movement(model, "lower_limb_neurological_exam").regions())
                .as("counts towards no pattern: for every client")
                .isEmpty();
        // inputs.yaml appliesTo: the falls questions from 65, pregnancy for women 15-49
        assertThat(health(model, "falls.feelsUnsteady").out()).isTrue();
        assertThat(health(model, "pregnancy.pregnant").out()).isFalse();
        assertThat(health(model, "pregnancy.pregnant").sexes()).contains("not_stated");
        assertThat(model.folded("sec-redflags")).isEqualTo(2);

        // no region: every red-flag domain and test, as the screen counts them
        io.crosscheck.web.service.FormModel blank = form.model(kb, Map.of(), Map.of(), Map.of());
        assertThat(blank.redFlags()).noneMatch(d -> d.scope().out());
        assertThat(blank.muscles()).noneMatch(m -> m.scope().out());
    }

    @Test
    void aRefusedValueIsExplainedByWhatToEnterAndACheckBetweenAnswersKeepsTheApisWords() {
        ScreeningForm form = new ScreeningForm(new ObjectMapper(), Questionnaires.load(), 3);
        var kb = RuleHarness.shipped().knowledgeBase();
        Map<String, String> values = Map.of(
                "client.age", "abc",
                "obs.craniovertebral_angle.value", "95",
                "lifestyle.sittingHoursPerDay", "7.5",
                "sy.0.region", "neck");
        Map<String, String> errors = Map.of(
                "client.age", "expected an integer but got a string (values are not converted)",
                "obs.craniovertebral_angle.value", "craniovertebral angle must be between 0 and 90 deg",
                "lifestyle.sittingHoursPerDay", "a check between two answers",
                "sy.0.kind", "must not be blank");
        io.crosscheck.web.service.FormModel model = form.model(kb, values, errors, Map.of());
        assertThat(model.problems())
                .extracting(io.crosscheck.web.service.FormModel.Problem::message)
                .containsExactly(
                        "Enter a whole number of years between 0 and 120",
                        "Choose the kind",
                        "a check between two answers",
                        "Enter a number of degrees between 0 and 90");
        assertThat(model.problems().get(0).id()).isEqualTo("f-client-age");
    }

    private static io.crosscheck.web.service.FormModel.Scope posture(
            io.crosscheck.web.service.FormModel m, String code) {
        return m.posture().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow()
                .scope();
    }

    private static io.crosscheck.web.service.FormModel.Scope muscle(
            io.crosscheck.web.service.FormModel m, String code) {
        return m.muscles().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow()
                .scope();
    }

    private static io.crosscheck.web.service.FormModel.Scope movement(
            io.crosscheck.web.service.FormModel m, String code) {
        return m.movements().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow()
                .scope();
    }

    private static io.crosscheck.web.service.FormModel.Scope health(
            io.crosscheck.web.service.FormModel m, String field) {
        return m.health().stream()
                .flatMap(d -> d.questions().stream())
                .filter(q -> q.input().field().name().equals(field))
                .findFirst()
                .orElseThrow()
                .input()
                .scope();
    }
}
