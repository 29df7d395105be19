package io.crosscheck.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.fhir.service.CrosscheckCodes;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.crosscheck.screening.model.Answers;
import io.crosscheck.screening.model.ScreeningRequest;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** Health-screen answers from a chart: SNOMED CT Conditions and LOINC Pregnancy status; a past condition is no answer. */
class FhirHealthScreenTest {

    private static final String LOINC = "http://loinc.org";
    private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    private static Observation pregnancyStatus(String snomed) {
        Observation o = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(LOINC, "82810-3", "Pregnancy status")));
        o.setValue(new CodeableConcept(new Coding(CrosscheckCodes.SNOMED, snomed, null)));
        return o;
    }

    private static Condition condition(String snomed, String clinicalStatus) {
        Condition c = new Condition().setCode(new CodeableConcept(new Coding(CrosscheckCodes.SNOMED, snomed, null)));
        if (clinicalStatus != null) {
            c.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL, clinicalStatus, null)));
        }
        return c;
    }

    private static Object answer(ScreeningRequest r, String section, String field) {
        Answers a = r.answerSections().get(section);
        return a == null ? null : a.get(field);
    }

    @Test
    void pregnancyStatusIsReadFromLoinc82810_3AndUnknownStaysUnanswered() {
        ScreeningRequest yes = FhirMappingTest.map(FhirScreeningMapper.Mode.STRICT, pregnancyStatus("77386006"))
                .request();
        assertThat(answer(yes, "pregnancy", "pregnant")).isEqualTo(true);
        ScreeningRequest no = FhirMappingTest.map(FhirScreeningMapper.Mode.STRICT, pregnancyStatus("60001007"))
                .request();
        assertThat(answer(no, "pregnancy", "pregnant")).isEqualTo(false);
        FhirScreeningMapper.Result unknown =
                FhirMappingTest.map(FhirScreeningMapper.Mode.STRICT, pregnancyStatus("261665006"));
        assertThat(unknown.errors()).isEmpty();
        assertThat(answer(unknown.request(), "pregnancy", "pregnant"))
                .as("unknown is not a no")
                .isNull();
    }

    @Test
    void aCurrentHeartConditionIsAYesAndAResolvedOneIsNoAnswer() {
        for (String code : new String[] {"56265001", "38341003"}) {
            ScreeningRequest active = FhirMappingTest.map(FhirScreeningMapper.Mode.STRICT, condition(code, "active"))
                    .request();
            assertThat(answer(active, "cardiovascular", "knownHeartCondition"))
                    .as("SNOMED CT " + code)
                    .isEqualTo(true);
        }
        for (String status : new String[] {"resolved", "inactive", "remission"}) {
            ScreeningRequest past = FhirMappingTest.map(FhirScreeningMapper.Mode.STRICT, condition("56265001", status))
                    .request();
            assertThat(answer(past, "cardiovascular", "knownHeartCondition"))
                    .as(status + " is not a current yes, nor a no")
                    .isNull();
        }
        ScreeningRequest osteoporosis = FhirMappingTest.map(
                        FhirScreeningMapper.Mode.STRICT, condition("64859006", "resolved"))
                .request();
        assertThat(answer(osteoporosis, "boneHealth", "osteoporosis")).isNull();
    }
}
