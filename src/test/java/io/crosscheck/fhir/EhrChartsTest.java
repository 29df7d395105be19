package io.crosscheck.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.fhir.service.ConceptMapTranslations;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.support.EhrCharts;
import io.crosscheck.support.RuleHarness;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Charts coded as an EHR codes them ({@code src/test/resources/fhir/charts}: LOINC vitals and scores, SNOMED CT and
 * ICD-10-CM problems, Epic-style flowsheet rows through the shipped example ConceptMap, an SDC PHQ-9
 * QuestionnaireResponse) mapped as CDS Hooks maps them and screened by the shipped rules. {@code EhrChartsCdsTest}
 * sends the same charts through the CDS Hooks fetch path from a HAPI FHIR server.
 */
class EhrChartsTest {

    static final ReferenceData REFERENCE = RuleHarness.shipped().knowledgeBase().reference();
    static final ConceptMapTranslations SITE_MAPS =
            ConceptMapTranslations.load(Path.of("examples/flowsheet-concept-map.json"), REFERENCE);

    static FhirScreeningMapper.Result map(String chart) {
        return new FhirScreeningMapper(
                        REFERENCE, FhirScreeningMapper.Mode.LENIENT, LocalDate.now(ZoneOffset.UTC), SITE_MAPS)
                .map(EhrCharts.located(EhrCharts.chart(chart)), "pseudo-" + chart);
    }

    static ScreeningResult screen(ScreeningRequest request) throws Exception {
        return RuleHarness.shipped().screen(RuleHarness.JSON.writeValueAsString(request));
    }

    @Test
    void anOrdinaryChartHasItsStandardCodesUnderstoodAndOnlyTheVitalsNoRuleReadsSkipped() throws Exception {
        FhirScreeningMapper.Result r = map("ordinary-chart");
        assertThat(r.errors()).isEmpty();
        assertThat(r.skipped())
                .extracting(FhirScreeningMapper.Skipped::code)
                .as("blood pressure, heart rate, BMI, weight and smoking status are read by no rule")
                .containsExactlyInAnyOrder(
                        "http://loinc.org|85354-9",
                        "http://loinc.org|8867-4",
                        "http://loinc.org|39156-5",
                        "http://loinc.org|29463-7",
                        "http://loinc.org|72166-2");
        ScreeningRequest req = r.request();
        // SNOMED CT low back pain with its 10-week onset and the LOINC pain score at its body site; ICD-10-CM neck pain
        assertThat(req.symptoms())
                .containsExactlyInAnyOrder(
                        new ScreeningRequest.Symptom("low_back", "pain", null, 6, 10, null),
                        new ScreeningRequest.Symptom("neck", "pain", null, null, 57, null));
        // GAD-7 11 (cut-off 10) and ICD-10-CM F41.1; PHQ-9 total 12 from the LOINC form's QuestionnaireResponse
        assertThat(req.psychosocial().values()).containsEntry("anxiety", true).containsEntry("lowMood", true);
        assertThat(req.answerSections().get("boneHealth").values()).containsEntry("osteoporosis", true);
        // flowsheet rows through the site ConceptMap ("No" as text); the resolved malignancy is a history of cancer
        assertThat(req.redFlags())
                .containsExactlyInAnyOrder(
                        new ScreeningRequest.RedFlagAnswer("persistent_night_pain", false),
                        new ScreeningRequest.RedFlagAnswer("fever_chills", false),
                        new ScreeningRequest.RedFlagAnswer("history_of_cancer", true));
        ScreeningResult result = screen(req);
        assertThat(result.redFlags().referrals())
                .extracting(ScreeningResult.ReferralResult::domain)
                .as("a history of cancer with back pain refers (urgent), by the rules")
                .containsExactly("malignancy");
    }

    @Test
    void anOldResolvedProblemGivesNoRedFlagAnswerAndNoReferral() throws Exception {
        FhirScreeningMapper.Result r = map("old-resolved-problem");
        assertThat(r.request().redFlags())
                .as("a resolved UTI and fever say nothing about now")
                .isNull();
        assertThat(r.skipped())
                .extracting(s -> s.code() + " " + s.reason())
                .anySatisfy(s -> assertThat(s).startsWith("http://hl7.org/fhir/sid/icd-10-cm|N39.0 resolved"))
                .anySatisfy(s -> assertThat(s).startsWith("http://snomed.info/sct|386661006 resolved"))
                .anySatisfy(s -> assertThat(s)
                        .startsWith("http://snomed.info/sct|386661006 observed 2022-11-02: older than 365 days"));
        ScreeningResult result = screen(r.request());
        assertThat(result.redFlags().referral()).isFalse();
        assertThat(result.summary().redFlagScreen()).isEqualTo("incomplete");
    }

    @Test
    void aChronicDizzinessConditionFrom2021GivesNoEmergencyAndLeavesTheQuestionOpen() throws Exception {
        FhirScreeningMapper.Result r = map("chronic-dizziness");
        assertThat(r.request().redFlags()).isNull();
        assertThat(r.request().symptoms())
                .extracting(ScreeningRequest.Symptom::region)
                .containsExactly("neck");
        assertThat(r.skipped())
                .extracting(s -> s.code() + " " + s.reason())
                .anySatisfy(s -> assertThat(s).contains("404640003 began 2021-03-15: not new"));
        ScreeningResult result = screen(r.request());
        assertThat(result.redFlags().referral()).isFalse();
        assertThat(result.redFlags().screen().unanswered())
                .flatExtracting(ScreeningResult.UnansweredDomain::questions)
                .extracting(ScreeningResult.Question::code)
                .as("never read as no: still to be asked")
                .contains("dizziness");
    }

    @Test
    void aNewCodedRedFlagGivesTheEmergencyReferral() throws Exception {
        FhirScreeningMapper.Result r = map("new-red-flag");
        assertThat(r.request().redFlags()).containsExactly(new ScreeningRequest.RedFlagAnswer("dizziness", true));
        ScreeningResult result = screen(r.request());
        assertThat(result.redFlags().referral()).isTrue();
        assertThat(result.redFlags().urgency()).isEqualTo("emergency");
        assertThat(result.redFlags().referrals())
                .extracting(ScreeningResult.ReferralResult::domain)
                .containsExactly("cervical_arterial");
    }
}
