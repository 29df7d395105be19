package io.crosscheck.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.fhir.service.ConceptMapTranslations;
import io.crosscheck.fhir.service.CrosscheckCodes;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.crosscheck.screening.model.Answers;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.RuleHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a chart by meaning: Condition verification, clinical status and onset against what each question asks
 * about time; Observation status and age; questionnaire totals by their cut-off; the pain score; QuestionnaireResponses
 * by questionnaire canonical and linkId; a site's ConceptMaps (flowsheet rows, local questionnaires) and their check.
 */
class FhirChartReadingTest {

    static final ReferenceData REFERENCE = RuleHarness.shipped().knowledgeBase().reference();
    static final String SCT = CrosscheckCodes.SNOMED;
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String LOINC = "http://loinc.org";
    static final String FLOWSHEET = "urn:oid:1.2.840.114350.1.13.0.1.7.2.707679";
    static final ConceptMapTranslations SITE_MAPS =
            ConceptMapTranslations.load(Path.of("examples/flowsheet-concept-map.json"), REFERENCE);

    static FhirScreeningMapper.Result map(FhirScreeningMapper.Mode mode, Resource... resources) {
        List<FhirScreeningMapper.Located> located = new ArrayList<>();
        located.add(new FhirScreeningMapper.Located(FhirFixtures.patient(), "/patient"));
        for (int i = 0; i < resources.length; i++) {
            located.add(new FhirScreeningMapper.Located(resources[i], "/entry/" + i + "/resource"));
        }
        return new FhirScreeningMapper(REFERENCE, mode, LocalDate.now(ZoneOffset.UTC), SITE_MAPS)
                .map(located, "pseudo-1");
    }

    static ScreeningRequest read(Resource... resources) {
        return map(FhirScreeningMapper.Mode.LENIENT, resources).request();
    }

    static Date daysAgo(long days) {
        return Date.from(Instant.now().minus(Duration.ofDays(days)));
    }

    static Condition condition(String system, String code, String clinical, String verification) {
        Condition c = new Condition().setCode(new CodeableConcept(new Coding(system, code, null)));
        if (clinical != null) {
            c.setClinicalStatus(new CodeableConcept(
                    new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", clinical, null)));
        }
        if (verification != null) {
            c.setVerificationStatus(new CodeableConcept(
                    new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification, null)));
        }
        return c;
    }

    static Observation observation(String system, String code) {
        Observation o = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(system, code, null)));
        return o;
    }

    static Boolean redFlag(ScreeningRequest r, String code) {
        return r.redFlags() == null
                ? null
                : r.redFlags().stream()
                        .filter(a -> a.code().equals(code))
                        .map(ScreeningRequest.RedFlagAnswer::present)
                        .findFirst()
                        .orElse(null);
    }

    static Object answer(ScreeningRequest r, String section, String field) {
        Answers a = r.answerSections().get(section);
        return a == null ? null : a.get(field);
    }

    // ---- Conditions: verification and clinical status ----

    @Test
    void aConditionAboutNowIsYesWhileActiveOrSuspectedNoWhenRefutedAndUnansweredOtherwise() {
        for (String verification : new String[] {null, "confirmed", "unconfirmed", "provisional", "differential"}) {
            assertThat(redFlag(read(condition(SCT, "386661006", "active", verification)), "fever_chills"))
                    .as("active, " + verification)
                    .isTrue();
        }
        assertThat(redFlag(read(condition(SCT, "386661006", "recurrence", null)), "fever_chills"))
                .isTrue();
        assertThat(redFlag(read(condition(SCT, "386661006", "active", "refuted")), "fever_chills"))
                .isFalse();
        for (String clinical : new String[] {"inactive", "remission", "resolved"}) {
            assertThat(read(condition(ICD10CM, "R50.9", clinical, "confirmed")).redFlags())
                    .as(clinical + ": says nothing about now, never no")
                    .isNull();
        }
        assertThat(read(condition(SCT, "386661006", "active", "entered-in-error"))
                        .redFlags())
                .isNull();
        Condition abated = condition(SCT, "386661006", null, null);
        abated.setAbatement(new DateTimeType(daysAgo(30)));
        assertThat(read(abated).redFlags())
                .as("an abatement date without a status is past")
                .isNull();
    }

    @Test
    void aResolvedMalignancyIsAHistoryOfCancerAndAResolvedPsoriasisCountsForTheCurrentOrPastCriterion() {
        Condition cancer = condition(ICD10CM, "Z85.9", "resolved", "confirmed");
        cancer.setOnset(new DateTimeType("2012-04-01"));
        assertThat(redFlag(read(cancer), "history_of_cancer")).isTrue();
        assertThat(answer(read(condition(SCT, "9014002", "inactive", null)), "inflammatory", "psoriasisCurrentOrPast"))
                .isEqualTo(true);
        assertThat(answer(read(condition(SCT, "64859006", "resolved", null)), "boneHealth", "osteoporosis"))
                .as("osteoporosis is asked about now")
                .isNull();
    }

    // ---- Conditions: onset against "new" and "recent" ----

    @Test
    void aNewRedFlagIsYesOnlyFromARecentOnsetAndAnOldOneLeavesTheQuestionOpen() {
        Condition recent = condition(SCT, "404640003", "active", "confirmed");
        recent.setOnset(new DateTimeType(daysAgo(10)));
        assertThat(redFlag(read(recent), "dizziness")).isTrue();

        Condition old = condition(SCT, "404640003", "active", "confirmed");
        old.setOnset(new DateTimeType("2021-03-15"));
        FhirScreeningMapper.Result r = map(FhirScreeningMapper.Mode.LENIENT, old);
        assertThat(r.request().redFlags()).as("never a no").isNull();
        assertThat(r.skipped())
                .extracting(FhirScreeningMapper.Skipped::reason)
                .anySatisfy(s -> assertThat(s).startsWith("began 2021-03-15: not new"));

        Condition recordedLongAgo = condition(ICD10CM, "R42", "active", null);
        recordedLongAgo.setRecordedDate(daysAgo(400));
        assertThat(read(recordedLongAgo).redFlags())
                .as("without an onset the recorded date bounds it")
                .isNull();
        assertThat(redFlag(read(condition(ICD10CM, "R42", "active", null)), "dizziness"))
                .as("undated: the cautious reading")
                .isTrue();

        Condition uti = condition(SCT, "68566005", "active", null);
        uti.setOnset(new DateTimeType(daysAgo(70)));
        assertThat(redFlag(read(uti), "recent_bacterial_infection"))
                .as("70 days is recent (90), though not new (42)")
                .isTrue();
        uti.setOnset(new DateTimeType(daysAgo(120)));
        assertThat(read(uti).redFlags()).isNull();
    }

    @Test
    void aStandardCodedFindingAnswersANewQuestionYesOnlyWhenObservedWithinTheWindow() {
        Observation today = observation(SCT, "404640003").setValue(new BooleanType(true));
        today.setEffective(new DateTimeType(daysAgo(1)));
        assertThat(redFlag(read(today), "dizziness")).isTrue();
        Observation months = observation(SCT, "404640003").setValue(new BooleanType(true));
        months.setEffective(new DateTimeType(daysAgo(120)));
        assertThat(read(months).redFlags()).isNull();
        assertThat(redFlag(read(observation(SCT, "404640003").setValue(new BooleanType(true))), "dizziness"))
                .as("undated: the cautious reading, as for a Condition")
                .isTrue();
        Observation no = observation(SCT, "404640003").setValue(new BooleanType(false));
        no.setEffective(new DateTimeType(daysAgo(120)));
        assertThat(redFlag(read(no), "dizziness"))
                .as("a no within the answer window stays a no")
                .isFalse();
        Observation crosscheck =
                observation(CrosscheckCodes.SYSTEM, "red-flag.dizziness").setValue(new BooleanType(true));
        crosscheck.setEffective(new DateTimeType(daysAgo(120)));
        assertThat(redFlag(read(crosscheck), "dizziness"))
                .as("Crosscheck's own question already asks for new dizziness")
                .isTrue();
    }

    // ---- Conditions as symptoms ----

    @Test
    void anActiveBackOrNeckPainProblemIsTheReportedSymptomWithItsDurationAndAResolvedOneIsNot() {
        Condition lbp = condition(ICD10CM, "M54.50", "active", null);
        lbp.setOnset(new DateTimeType(daysAgo(15 * 7 + 2)));
        Condition neck = condition(SCT, "81680005", "resolved", null);
        assertThat(read(lbp, neck).symptoms())
                .containsExactly(new ScreeningRequest.Symptom("low_back", "pain", null, null, 15, null));
    }

    // ---- Observations: status, age, scores, the pain score ----

    @Test
    void onlyFinalAmendedOrCorrectedResultsWithinTheAnswerWindowAreRead() {
        for (Observation.ObservationStatus s : Observation.ObservationStatus.values()) {
            if (s == Observation.ObservationStatus.NULL) {
                continue;
            }
            Observation o = observation(CrosscheckCodes.SYSTEM, "red-flag.fever_chills")
                    .setValue(new BooleanType(false))
                    .setStatus(s);
            boolean read = redFlag(read(o), "fever_chills") != null;
            assertThat(read)
                    .as(s.toCode())
                    .isEqualTo(List.of("final", "amended", "corrected").contains(s.toCode()));
        }
        Observation old =
                observation(CrosscheckCodes.SYSTEM, "red-flag.fever_chills").setValue(new BooleanType(false));
        old.setEffective(new DateTimeType(daysAgo(400)));
        assertThat(read(old).redFlags())
                .as("a no from over a year ago is no answer now")
                .isNull();
    }

    @Test
    void questionnaireTotalsAnswerTheirYellowFlagByTheCutOff() {
        Observation phq9 = observation(LOINC, "44261-6").setValue(new IntegerType(10));
        Observation gad7 = observation(LOINC, "70274-6").setValue(new IntegerType(9));
        ScreeningRequest r = read(phq9, gad7);
        assertThat(answer(r, "psychosocial", "lowMood")).isEqualTo(true);
        assertThat(answer(r, "psychosocial", "anxiety")).isEqualTo(false);
    }

    @Test
    void aPainScoreWithoutABodySiteIsThePainOfTheOnePainfulRegionAndUnreadWithSeveral() {
        Condition lbp = condition(SCT, "279039007", "active", null);
        Observation score = observation(LOINC, "72514-3").setValue(new IntegerType(7));
        assertThat(read(score, lbp).symptoms())
                .containsExactly(new ScreeningRequest.Symptom("low_back", "pain", null, 7, null, null));
        Condition neck = condition(ICD10CM, "M54.2", "active", null);
        FhirScreeningMapper.Result two = map(FhirScreeningMapper.Mode.LENIENT, score, lbp, neck);
        assertThat(two.request().symptoms())
                .extracting(ScreeningRequest.Symptom::nrs)
                .containsOnlyNulls();
        assertThat(two.skipped()).extracting(FhirScreeningMapper.Skipped::code).contains("pain-nrs");
        Observation sited = observation(LOINC, "72514-3").setValue(new IntegerType(3));
        sited.setBodySite(new CodeableConcept(new Coding(SCT, "1141983003", null)));
        assertThat(read(sited).symptoms())
                .containsExactly(new ScreeningRequest.Symptom("neck", "pain", null, 3, null, null));
    }

    // ---- QuestionnaireResponses by canonical and linkId ----

    static QuestionnaireResponse response(String canonical, String linkId, org.hl7.fhir.r4.model.Type value) {
        QuestionnaireResponse q = new QuestionnaireResponse();
        q.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        if (canonical != null) {
            q.setQuestionnaire(canonical);
        }
        q.addItem().setLinkId(linkId).addAnswer().setValue(value);
        return q;
    }

    @Test
    void aQuestionnaireResponseIsReadByItsQuestionnaireAndNeverAsOursWhenItIsAnothers() {
        assertThat(redFlag(
                        read(response(
                                "https://crosscheck.io/fhir/Questionnaire/red-flags|sha256:x",
                                "red-flag.fever_chills",
                                new BooleanType(true))),
                        "fever_chills"))
                .isTrue();
        FhirScreeningMapper.Result foreign = map(
                FhirScreeningMapper.Mode.LENIENT,
                response(
                        "https://other.example.org/Questionnaire/triage",
                        "red-flag.fever_chills",
                        new BooleanType(false)));
        assertThat(foreign.request().redFlags())
                .as("another questionnaire's item is not our question")
                .isNull();
        assertThat(foreign.skipped())
                .extracting(FhirScreeningMapper.Skipped::code)
                .containsExactly("questionnaire:https://other.example.org/Questionnaire/triage");
        assertThat(map(
                                FhirScreeningMapper.Mode.STRICT,
                                response(
                                        "https://other.example.org/Questionnaire/triage",
                                        "red-flag.fever_chills",
                                        new BooleanType(false)))
                        .errors())
                .extracting(e -> e.field())
                .containsExactly("/entry/0/resource/questionnaire");
        // the LOINC PHQ-9 form: its total item, read as LOINC 44261-6
        assertThat(answer(
                        read(response("http://loinc.org/q/44249-1", "/44261-6", new IntegerType(4))),
                        "psychosocial",
                        "lowMood"))
                .isEqualTo(false);
        // a site's own questionnaire, through its ConceptMap
        assertThat(redFlag(
                        read(response(
                                "https://ehr.example.org/fhir/Questionnaire/pt-intake",
                                "weight-loss",
                                new BooleanType(true))),
                        "unexplained_weight_loss"))
                .isTrue();
    }

    // ---- a site's ConceptMaps ----

    @Test
    void flowsheetRowsAreReadThroughTheSitesConceptMapWithTheRulesOfTheirTarget() {
        Observation nightPain = observation(FLOWSHEET, "3040104250").setValue(new StringType("Yes"));
        Observation sitting = observation(FLOWSHEET, "3040104254")
                .setValue(new org.hl7.fhir.r4.model.Quantity().setValue(7).setCode("h/d"));
        Observation oldDizziness = observation(FLOWSHEET, "3040104251").setValue(new BooleanType(true));
        oldDizziness.setEffective(new DateTimeType(daysAgo(100)));
        ScreeningRequest r = read(nightPain, sitting, oldDizziness);
        assertThat(redFlag(r, "persistent_night_pain")).isTrue();
        assertThat(answer(r, "lifestyle", "sittingHoursPerDay")).isEqualTo(7.0);
        assertThat(redFlag(r, "dizziness"))
                .as("mapped to SNOMED CT dizziness: must be new")
                .isNull();
        assertThat(map(
                                FhirScreeningMapper.Mode.STRICT,
                                observation(FLOWSHEET, "999").setValue(new BooleanType(true)))
                        .errors())
                .extracting(e -> e.field())
                .as("a row the map does not name is unknown")
                .containsExactly("/entry/0/resource/code");
    }

    @Test
    void aBadConceptMapIsRefusedWithAMessageNamingTheFileAndElement(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-not-fhir.json"), "{\"resourceType\": \"Patient\"}");
        Files.writeString(dir.resolve("a-no-group.json"), "{\"resourceType\": \"ConceptMap\", \"status\": \"draft\"}");
        Files.writeString(dir.resolve("b-unknown-target.json"), """
                {"resourceType": "ConceptMap", "status": "active", "group": [
                  {"source": "urn:local", "target": "http://snomed.info/sct", "element": [
                    {"code": "x1", "target": [{"code": "1234567", "equivalence": "equivalent"}]},
                    {"code": "x2", "target": [{"code": "404640003", "equivalence": "narrower"}]}]},
                  {"target": "http://snomed.info/sct", "element": []}]}
                """);
        Files.writeString(dir.resolve("ignored.txt"), "not read");
        assertThatThrownBy(() -> ConceptMapTranslations.load(dir, REFERENCE))
                .isInstanceOf(ConceptMapTranslations.InvalidConceptMap.class)
                .hasMessageContaining("a-not-fhir.json: not a FHIR R4 ConceptMap in JSON")
                .hasMessageContaining("a-no-group.json: maps nothing (no group)")
                .hasMessageContaining(
                        "b-unknown-target.json group[0] element[0] target[0]: http://snomed.info/sct|1234567 is no code Crosscheck reads")
                .hasMessageContaining(
                        "group[0] element[1] target[0]: equivalence must be one of equivalent, equal, wider (was narrower)")
                .hasMessageContaining("group[1]: source and target (code system URIs) are required")
                .hasMessageNotContaining("ignored.txt");
        assertThatThrownBy(() -> ConceptMapTranslations.load(dir.resolve("missing.json"), REFERENCE))
                .hasMessageContaining("missing.json: no such file or directory");
        assertThat(SITE_MAPS.size()).as("the shipped example").isEqualTo(7);
    }
}
