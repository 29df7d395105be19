package io.crosscheck.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.screening.Screening;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FHIR over real HTTP: screenings out as a Bundle (checked by the FHIR instance validator) and in from FHIR; the CodeSystem and metadata. */
@QuarkusTest
class FhirApiTest {

    static final String FHIR_JSON = "application/fhir+json";

    @BeforeEach
    void signIn() {
        TestUsers.ensureUser("fhir-physio", "fhir-physio-pw-1", List.of("physio"), "default");
    }

    static io.restassured.specification.RequestSpecification physio() {
        return given().auth().preemptive().basic("fhir-physio", "fhir-physio-pw-1");
    }

    static String screen(String json) {
        return physio().contentType(ContentType.JSON)
                .body(json)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Bundle bundleOf(String id) {
        String body = physio().get("/api/v1/screenings/" + id + "/fhir")
                .then()
                .statusCode(200)
                .contentType(FHIR_JSON)
                .extract()
                .asString();
        assertThat(FhirValidation.errors(body))
                .as("FHIR instance validator errors")
                .isEmpty();
        return FhirSupport.strictJsonParser().parseResource(Bundle.class, body);
    }

    static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        return b.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Test
    void
            aScreeningAsFhirIsABundleThatTheInstanceValidatorAcceptsWithGuidanceRiskAssessmentsAndProposedServiceRequests() {
        Bundle b = bundleOf(screen(Requests.ARTICLE_DESK_WORKER));
        GuidanceResponse gr = all(b, GuidanceResponse.class).get(0);
        assertThat(gr.getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.SUCCESS);
        assertThat(all(b, RiskAssessment.class))
                .anySatisfy(
                        ra -> assertThat(ra.getPredictionFirstRep().getOutcome().getText())
                                .startsWith("Findings consistent with the lower-crossed syndrome pattern"));
        assertThat(all(b, ServiceRequest.class))
                .flatExtracting(sr -> sr.getCode().getCoding())
                .extracting(c -> c.getCode())
                .contains("intervention.hip_flexor_stretch", "229065009");
        assertThat(all(b, ServiceRequest.class))
                .allSatisfy(sr ->
                        assertThat(sr.getSubject().getIdentifier().getValue()).isEqualTo("pseudo-0001"));
    }

    @Test
    void anIncompleteRedFlagScreenIsDataRequestedNamingTheQuestionsAndAReferralIsTheOnlyRequest() {
        Bundle incomplete = bundleOf(screen(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS));
        GuidanceResponse gr = all(incomplete, GuidanceResponse.class).get(0);
        assertThat(gr.getStatus()).isEqualTo(GuidanceResponse.GuidanceResponseStatus.DATAREQUESTED);
        assertThat(gr.getDataRequirementFirstRep().getCodeFilterFirstRep().getCode())
                .extracting(c -> c.getCode())
                .contains("red-flag.saddle_anaesthesia");
        Bundle referral = bundleOf(screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS));
        assertThat(all(referral, ServiceRequest.class)).singleElement().satisfies(sr -> {
            assertThat(sr.getCode().getCoding()).extracting(c -> c.getCode()).containsExactly("306253008", "referral");
            assertThat(sr.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.STAT);
        });
    }

    @Test
    void bothVersionsOfAnAmendedScreeningAreValidBundlesNamingTheVersionTheyReplaceAndTheOneReplacingThem() {
        String original = screen(Requests.ARTICLE_DESK_WORKER);
        String second = physio().contentType(ContentType.JSON)
                .body("{\"reason\": \"Saddle anaesthesia was recorded as absent by mistake\", \"request\": "
                        + Requests.ARTICLE_WITH_SADDLE_NUMBNESS + "}")
                .post("/api/v1/screenings/" + original + "/amendments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Bundle amended = bundleOf(second);
        RequestGroup group = all(amended, RequestGroup.class).get(0);
        assertThat(group.getReplaces())
                .singleElement()
                .satisfies(r -> assertThat(r.getIdentifier().getValue()).isEqualTo("urn:uuid:" + original));
        assertThat(all(amended, GuidanceResponse.class).get(0).getNote())
                .extracting(n -> n.getText())
                .anySatisfy(t -> assertThat(t)
                        .contains("Version 2")
                        .contains("Saddle anaesthesia was recorded as absent by mistake"));

        Bundle superseded = bundleOf(original);
        assertThat(all(superseded, GuidanceResponse.class).get(0).getNote())
                .extracting(n -> n.getText())
                .anySatisfy(
                        t -> assertThat(t).contains("Superseded by version 2").contains(second));
    }

    @Test
    void theValidatorFailsADeliberatelyBrokenBundle() {
        String id = screen(Requests.ARTICLE_DESK_WORKER);
        String good = physio().get("/api/v1/screenings/" + id + "/fhir")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // GuidanceResponse.status from outside its required value set, and a ServiceRequest without its required
        // subject
        String broken = good.replaceFirst("\"status\": ?\"success\"", "\"status\":\"finished\"")
                .replaceFirst("\"subject\": ?\\{[^}]*\\{[^}]*\\}\\s*\\}", "\"subject\":{}");
        assertThat(broken).isNotEqualTo(good);
        assertThat(FhirValidation.errors(broken)).isNotEmpty();
    }

    @Test
    void theSubjectIsTheEhrPatientTheCallerNamesAndThePseudonymGoesNowhereThen() {
        String id = screen(Requests.ARTICLE_DESK_WORKER);
        Bundle pseudonymous = bundleOf(id);
        assertThat(all(pseudonymous, ServiceRequest.class))
                .allSatisfy(sr ->
                        assertThat(sr.getSubject().getIdentifier().getValue()).isEqualTo("pseudo-0001"));

        for (String patient : List.of("Patient/ehr-77", "ehr-77")) {
            String body = physio().queryParam("patient", patient)
                    .get("/api/v1/screenings/" + id + "/fhir")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(FhirValidation.errors(body)).as(patient).isEmpty();
            assertThat(body)
                    .as("the pseudonymous client reference is not sent along")
                    .doesNotContain("pseudo-0001");
            Bundle linked = FhirSupport.strictJsonParser().parseResource(Bundle.class, body);
            assertThat(all(linked, ServiceRequest.class))
                    .isNotEmpty()
                    .allSatisfy(sr -> assertThat(sr.getSubject().getReference()).isEqualTo("Patient/ehr-77"));
            assertThat(all(linked, GuidanceResponse.class).get(0).getSubject().getReference())
                    .isEqualTo("Patient/ehr-77");
        }
        String absolute = physio().queryParam("patient", "https://ehr.example.org/fhir/Patient/ehr-77")
                .get("/api/v1/screenings/" + id + "/fhir")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(all(FhirSupport.strictJsonParser().parseResource(Bundle.class, absolute), RiskAssessment.class))
                .allSatisfy(ra -> assertThat(ra.getSubject().getReference())
                        .isEqualTo("https://ehr.example.org/fhir/Patient/ehr-77"));
        physio().queryParam("patient", "Practitioner/1 or something")
                .get("/api/v1/screenings/" + id + "/fhir")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("patient"));
    }

    @Test
    void anotherClinicsScreeningIsNotFoundAsFhirEither() {
        String id = screen(Requests.ARTICLE_DESK_WORKER);
        TestUsers.ensureUser("fhir-other-physio", "fhir-physio-pw-2", List.of("physio"), "clinic-other-fhir");
        given().auth()
                .preemptive()
                .basic("fhir-other-physio", "fhir-physio-pw-2")
                .get("/api/v1/screenings/" + id + "/fhir")
                .then()
                .statusCode(404);
    }

    @Test
    void aFhirBundlePostedToTheScreeningsApiIsScreenedThroughTheSameMappingAndPath() {
        List<Resource> resources = new ArrayList<>();
        resources.add(FhirFixtures.patient());
        FhirFixtures.findings().stream()
                .filter(o -> !o.getCode().getCodingFirstRep().getSystem().contains("loinc"))
                .forEach(resources::add);
        resources.add(FhirFixtures.redFlagAnswers(FhirFixtures.LOW_BACK_RED_FLAGS, List.of()));
        Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
        resources.forEach(r -> b.addEntry().setResource(r));
        physio().contentType(FHIR_JSON)
                .header("Idempotency-Key", "fhir-bundle-1")
                .body(FhirFixtures.json(b))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .body("summary.redFlagScreen", equalTo("complete"))
                .body("patterns.find { it.code == 'LCS' }.status", equalTo("consistent"));
        // the retry with the same key is the same screening (the JSON path's idempotency)
        physio().contentType(FHIR_JSON)
                .header("Idempotency-Key", "fhir-bundle-1")
                .body(FhirFixtures.json(b))
                .post("/api/v1/screenings")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true");
    }

    @Test
    void aQuestionnaireResponseWithItsPatientContainedAnswersTheRedFlags() {
        QuestionnaireResponse q =
                FhirFixtures.redFlagAnswers(FhirFixtures.LOW_BACK_RED_FLAGS, List.of("saddle_anaesthesia"));
        q.addContained(FhirFixtures.patient().setId("p"));
        q.setSubject(new org.hl7.fhir.r4.model.Reference("#p"));
        physio().contentType(FHIR_JSON)
                .body(FhirFixtures.json(q))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .body("redFlags.urgency", equalTo("emergency"));
    }

    @Test
    void theRestApiStaysStrictAnUnknownFhirCodeIs422NamingWhereAndNothingIsStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> Screening.count());
        Bundle b = new Bundle().setType(Bundle.BundleType.COLLECTION);
        b.addEntry().setResource(FhirFixtures.patient());
        Observation heartRate = FhirFixtures.findings().stream()
                .filter(o -> o.getCode().getCodingFirstRep().getSystem().contains("loinc"))
                .findFirst()
                .orElseThrow();
        b.addEntry().setResource(heartRate);
        physio().contentType(FHIR_JSON)
                .body(FhirFixtures.json(b))
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/entry/1/resource/code"))
                .body("errors.rejectedValue", hasItem("http://loinc.org|8867-4"));
        physio().contentType(FHIR_JSON)
                .body("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"bogus\": 1}")
                .post("/api/v1/screenings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Screening.count()))
                .isEqualTo(before);
    }

    @Test
    void theCodeSystemAndTheCapabilityStatementArePublicAndValid() {
        String cs = given().auth()
                .none()
                .get("/fhir/CodeSystem/crosscheck")
                .then()
                .statusCode(200)
                .contentType(FHIR_JSON)
                .body("url", equalTo("https://crosscheck.io/fhir/CodeSystem/crosscheck"))
                .body("concept.code", hasItem("red-flag.saddle_anaesthesia"))
                .extract()
                .asString();
        assertThat(FhirValidation.errors(cs)).isEmpty();
        String metadata = given().auth()
                .none()
                .get("/fhir/metadata")
                .then()
                .statusCode(200)
                .contentType(FHIR_JSON)
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource.type", hasItem("CodeSystem"))
                .extract()
                .asString();
        assertThat(FhirValidation.errors(metadata)).isEmpty();
    }
}
