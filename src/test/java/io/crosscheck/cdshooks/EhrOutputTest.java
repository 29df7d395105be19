package io.crosscheck.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.crosscheck.cdshooks.service.PatientPseudonym;
import io.crosscheck.fhir.FhirValidation;
import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.FhirProfiles;
import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an EHR gets back, over real HTTP with a real JWT: the referral a card proposes is a coded ServiceRequest valid
 * against its profile and linked to the EHR's Patient, and the screening the call stored is served as a Bundle whose
 * subject is the EHR's Patient once the caller names it, and only the patient it was made for.
 */
@QuarkusTest
class EhrOutputTest {

    static final String ISSUER = "https://ehr-output.example.org";
    static final String CLINIC = "clinic-ehr-output";
    static final String SERVICE = "/cds-services/crosscheck-patient-view";

    @BeforeEach
    void register() {
        TestUsers.ensureUser("ehr-output-physio", "ehr-output-pw-123", List.of("physio"), CLINIC);
        TestUsers.registerEhrClient(ISSUER, CLINIC, List.of());
    }

    static RequestSpecification physio() {
        return given().auth().preemptive().basic("ehr-output-physio", "ehr-output-pw-123");
    }

    /** A patient-view call with the article client and saddle anaesthesia answered yes: a referral card. */
    static JsonPath referralCall() {
        String token = EhrKeys.sign(
                EhrKeys.claims(ISSUER, "http://localhost:" + RestAssured.port + SERVICE),
                EhrKeys.EC,
                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        String body = FhirFixtures.articlePatientView(
                UUID.randomUUID().toString(), FhirFixtures.LOW_BACK_RED_FLAGS, List.of("saddle_anaesthesia"));
        return given().auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(SERVICE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        return b.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Test
    void aCardsReferralIsACodedServiceRequestValidAgainstItsProfileForTheEhrsPatient() {
        JsonPath cards = referralCall();
        String resource = new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(cards.getMap("cards[0].suggestions[0].actions[0].resource"))
                .toString();

        assertThat(FhirValidation.errors(resource)).as("validator errors").isEmpty();
        ServiceRequest sr = FhirSupport.strictJsonParser().parseResource(ServiceRequest.class, resource);
        assertThat(sr.getMeta().getProfile().get(0).getValue()).isEqualTo(FhirProfiles.url(FhirProfiles.REFERRAL));
        assertThat(sr.getCode().getCoding()).extracting(c -> c.getCode()).containsExactly("306253008", "referral");
        assertThat(sr.getPerformerType().getCodingFirstRep().getCode()).isEqualTo("158965000");
        assertThat(sr.getSubject().getReference()).isEqualTo("Patient/" + FhirFixtures.PATIENT_ID);
        assertThat(cards.prettify())
                .as("the pseudonym stored for the patient is not in the EHR's answer")
                .doesNotContain(PatientPseudonym.of(ISSUER, FhirFixtures.PATIENT_ID));
    }

    @Test
    void theStoredScreeningIsABundleForTheEhrsPatientAndOnlyForTheOneItWasMadeFor() {
        String screening = referralCall().getString("extension.crosscheck.screeningId");
        String pseudonym = PatientPseudonym.of(ISSUER, FhirFixtures.PATIENT_ID);

        String body = physio().queryParam("patient", "Patient/" + FhirFixtures.PATIENT_ID)
                .get("/api/v1/screenings/" + screening + "/fhir")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(FhirValidation.errors(body)).as("validator errors").isEmpty();
        assertThat(body).doesNotContain(pseudonym);
        Bundle b = FhirSupport.strictJsonParser().parseResource(Bundle.class, body);
        assertThat(all(b, ServiceRequest.class))
                .singleElement()
                .satisfies(sr ->
                        assertThat(sr.getSubject().getReference()).isEqualTo("Patient/" + FhirFixtures.PATIENT_ID));

        physio().queryParam("patient", "Patient/someone-else")
                .get("/api/v1/screenings/" + screening + "/fhir")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("patient"))
                .body("errors.message", hasItem("is not the patient this screening was made for"));
    }
}
