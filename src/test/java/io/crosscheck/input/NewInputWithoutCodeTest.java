package io.crosscheck.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.Validators;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.screening.service.ScreeningRequestReader;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.RuleHarness;
import io.crosscheck.web.service.FormModel;
import io.crosscheck.web.service.Questionnaires;
import io.crosscheck.web.service.ScreeningForm;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's promise: a new yes/no input and a new bounded number are a data change. A copy of the
 * knowledge base gains two inputs in {@code rules/reference/inputs.yaml} (a new section with a SNOMED CT
 * coded flag, and a number with a unit and range) and one rule that reads them, with its kb-doc; no Java
 * changes. The request reader (the API's) accepts them and refuses an out-of-range value naming the field,
 * the form lays them out and reads them back, a stored request is turned back into the form's values, a
 * FHIR Observation with the flag's SNOMED CT code maps to it, and the rule sees both.
 */
class NewInputWithoutCodeTest {

    private static final String SNOMED_SMOKER = "77176002";
    private static KnowledgeBaseCopy copy;
    private static KnowledgeBase kb;

    @BeforeAll
    static void addTwoInputsAndARule() {
        copy = KnowledgeBaseCopy.create();
        String inputs = copy.read("rules/reference/inputs.yaml");
        inputs = inputs.replace("\ninputs:\n", """

                  - code: habits
                    label: Habits
                    help: Added by a test.

                inputs:
                  - code: smoker
                    section: habits
                    label: Smokes tobacco
                    phrase: smoking
                    type: yes_no
                    coding:
                      - { system: "http://snomed.info/sct", code: "%s", display: Smoker }
                  - code: screen_hours_per_day
                    section: habits
                    field: screenHours
                    label: Screen time per day
                    phrase: screen time
                    type: number
                    unit: h/day
                    min: 0
                    max: 20
                """.formatted(SNOMED_SMOKER));
        copy.write("rules/reference/inputs.yaml", inputs);
        copy.write("rules/patterns/habits.drl", """
                package rules.patterns;

                import io.crosscheck.engine.facts.*;

                rule "CON-090: A smoker with long screen time has a test contributor"
                    @id("CON-090") @version("1")
                    ruleflow-group "patterns"
                when
                    $smoker : Answer( code == "smoker", yes )
                    $screen : Answer( code == "screen_hours_per_day", number >= 8 )
                then
                    insert( new Contributor( "habits", "smoking with long screen time" ) );
                end
                """);
        copy.write("kb-docs/rules/CON-090.md", "---\nid: CON-090\ntitle: test\n---\n\n# CON-090\n");
        kb = RuleHarness.build(copy.rules(), copy.docs());
    }

    @AfterAll
    static void cleanUp() {
        copy.reset();
    }

    private static ScreeningEvaluator evaluator() {
        ObjectMapper json = RuleHarness.JSON;
        return new ScreeningEvaluator(
                new ScreeningRequestReader(json, Validators.standalone(), () -> kb.reference()),
                new RuleEngine(10_000),
                json);
    }

    @Test
    void theRequestReaderAcceptsTheNewInputsAndARuleSeesThem() {
        ScreeningResult result = evaluator().evaluate("""
                {"client": {"age": 40}, "habits": {"smoker": true, "screenHours": 9.5}}""", kb);
        assertThat(result.contributors()).anyMatch(c -> c.contains("smoking with long screen time"));
        assertThat(result.explanation().nodes())
                .anyMatch(n -> n.rule() != null
                        && "CON-090".equals(n.rule().id())
                        && n.matched().containsAll(List.of("/habits/smoker", "/habits/screenHours")));
        // below the rule's number, or the flag not sent: no contributor (absent is not a value)
        assertThat(evaluator().evaluate("""
                {"client": {"age": 40}, "habits": {"screenHours": 9.5}}""", kb).contributors()).noneMatch(c -> c.contains("smoking"));
    }

    @Test
    void aValueOutsideTheNewInputsRangeOrOfTheWrongTypeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> evaluator().read("""
                {"client": {"age": 40}, "habits": {"screenHours": 21}}""")).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.errors())
                    .anyMatch(f -> f.field().equals("/habits/screenHours")
                            && f.message().contains("less than or equal to 20 (screen time: 0-20 h/day)"));
        });
        assertThatThrownBy(() -> evaluator().read("""
                {"client": {"age": 40}, "habits": {"smoker": "yes", "unknownThing": 1}}""")).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).extracting(f -> f.field()).contains("/habits/smoker", "/habits/unknownThing");
        });
    }

    @Test
    void theFormLaysOutTheNewInputsReadsThemAndGivesThemBackForAmending() {
        ScreeningForm form = new ScreeningForm(new ObjectMapper(), Questionnaires.load(), 2);
        FormModel model = form.model(kb, Map.of(), Map.of(), Map.of());
        FormModel.SectionView habits = model.history().stream()
                .filter(s -> s.code().equals("habits"))
                .findFirst()
                .orElseThrow();
        assertThat(habits.inputs())
                .extracting(i -> i.field().name())
                .containsExactly("habits.smoker", "habits.screenHours");
        assertThat(habits.inputs().get(1).field().unit()).isEqualTo("h/day");
        assertThat(habits.inputs().get(1).field().max()).isEqualTo("20");

        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("client.age", "40");
        posted.put("habits.smoker", "yes");
        posted.put("habits.screenHours", "9,5");
        ScreeningForm.Read read = form.read(kb, posted);
        assertThat(read.request().path("habits").path("smoker").asBoolean()).isTrue();
        assertThat(read.request().path("habits").path("screenHours").asDouble()).isEqualTo(9.5);
        assertThat(read.fieldOfPointer()).containsEntry("/habits/screenHours", "habits.screenHours");

        Map<String, String> values = form.values(kb, read.request());
        assertThat(values).containsEntry("habits.smoker", "yes").containsEntry("habits.screenHours", "9.5");
    }

    @Test
    void aFhirObservationCodedWithTheNewInputsSnomedCodeMapsToIt() {
        Patient patient = new Patient();
        patient.setBirthDate(Date.from(LocalDate.of(1985, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        Observation smoker = new Observation()
                .setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding("http://snomed.info/sct", SNOMED_SMOKER, "Smoker")));
        smoker.setValue(new BooleanType(true));
        Observation screen = new Observation()
                .setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding(
                        "https://crosscheck.io/fhir/CodeSystem/crosscheck", "habits.screen_hours_per_day", null)));
        screen.setValue(new Quantity().setValue(10).setCode("h/d"));
        FhirScreeningMapper.Result r = new FhirScreeningMapper(
                        kb.reference(), FhirScreeningMapper.Mode.STRICT, LocalDate.of(2026, 12, 5))
                .map(
                        List.of(
                                new FhirScreeningMapper.Located(patient, "/0"),
                                new FhirScreeningMapper.Located(smoker, "/1"),
                                new FhirScreeningMapper.Located(screen, "/2")),
                        "fhir-habits");
        assertThat(r.errors()).isEmpty();
        ScreeningRequest request = r.request();
        JsonNode habits = RuleHarness.JSON.valueToTree(request).path("habits");
        assertThat(habits.path("smoker").asBoolean()).isTrue();
        assertThat(habits.path("screenHours").asDouble()).isEqualTo(10.0);
        assertThat(evaluator().evaluate(request, kb).contributors())
                .anyMatch(c -> c.contains("smoking with long screen time"));
    }
}
