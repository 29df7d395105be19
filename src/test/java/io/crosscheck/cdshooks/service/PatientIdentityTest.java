package io.crosscheck.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Only the context's patient's data is screened: another patient, another server or an uncheckable subject is refused. */
class PatientIdentityTest {

    static final String SERVER = "https://ehr.example.org/fhir";

    @Test
    void aPatientOtherThanTheOneInContextIsRefused() {
        assertThat(PatientIdentity.refusal(new Patient().setId("123"), "123", SERVER))
                .isNull();
        assertThat(PatientIdentity.refusal(new Patient().setId("Patient/999"), "123", SERVER))
                .isEqualTo("a Patient other than the patient in context");
    }

    @Test
    void aSubjectIsTheContextsPatientRelativeOrOnTheEhrsOwnServer() {
        assertThat(PatientIdentity.refusal(obs("Patient/123"), "123", SERVER)).isNull();
        assertThat(PatientIdentity.refusal(obs(SERVER + "/Patient/123"), "123", SERVER))
                .isNull();
        assertThat(PatientIdentity.refusal(new Observation(), "123", SERVER))
                .as("no subject: from the patient's search")
                .isNull();
        assertThat(PatientIdentity.refusal(obs("Patient/999"), "123", SERVER)).isEqualTo("about another patient");
        assertThat(PatientIdentity.refusal(obs("Group/123"), "123", SERVER)).isEqualTo("about another patient");
        assertThat(PatientIdentity.refusal(obs("https://other.example.org/fhir/Patient/123"), "123", SERVER))
                .isEqualTo("about a patient of another FHIR server");
        assertThat(PatientIdentity.refusal(obs("urn:uuid:0b7c5c3e-6a8e-4a57-9f0e-1d1a4bfa2b11"), "123", SERVER))
                .startsWith("its subject cannot be checked");
        Condition byIdentifier = new Condition();
        byIdentifier.setSubject(new Reference().setIdentifier(new Identifier().setValue("MRN-1")));
        assertThat(PatientIdentity.refusal(byIdentifier, "123", SERVER)).startsWith("its subject cannot be checked");
    }

    private static Observation obs(String subject) {
        Observation o = new Observation();
        o.setSubject(new Reference(subject));
        return o;
    }
}
