package io.crosscheck.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.Test;

/**
 * A CDS card overridden in an EHR, with its coded reason, promoted into a cornerstone case by an author of the EHR
 * client's clinic: the rules the card rests on, the override reason, the EHR client as who decided, and neither the
 * clinician's comment nor the patient. Another clinic's author cannot promote it.
 */
@QuarkusTest
class CornerstoneOverrideApiTest {

    static final String CLINIC = "cs-ehr-clinic";
    static final String ISSUER = "https://cs-ehr.example.org";
    static final String AUTHOR = "cs-ehr-author";
    static final String PASSWORD = "cs-ehr-author-pw-123";
    static final String SERVICE = "/cds-services/crosscheck-patient-view";

    static RequestSpecification author() {
        return given().auth().preemptive().basic(AUTHOR, PASSWORD).contentType(ContentType.JSON);
    }

    static String token(String audience) {
        return EhrKeys.sign(
                EhrKeys.claims(ISSUER, audience), EhrKeys.EC, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
    }

    @Test
    void anOverriddenCardWithItsReasonBecomesACornerstoneOfTheRulesItRestsOnWithoutTheCliniciansComment() {
        TestUsers.ensureUser(AUTHOR, PASSWORD, List.of("author", "physio"), CLINIC);
        TestUsers.registerEhrClient(ISSUER, CLINIC, List.of());
        String audience = "http://localhost:" + RestAssured.port + SERVICE;
        String patient = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        JsonPath cards = given().auth()
                .none()
                .header("Authorization", "Bearer " + token(audience))
                .contentType(ContentType.JSON)
                .body(FhirFixtures.articlePatientView(
                                UUID.randomUUID().toString(),
                                FhirFixtures.LOW_BACK_RED_FLAGS,
                                List.of("saddle_anaesthesia"))
                        .replace(FhirFixtures.PATIENT_ID, patient))
                .post(SERVICE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String card = cards.getString("cards[0].uuid");
        String rule = cards.getString("cards[0].source.label").replaceAll("Crosscheck rule (\\S+).*", "$1");
        given().auth()
                .none()
                .header("Authorization", "Bearer " + token(audience + "/feedback"))
                .contentType(ContentType.JSON)
                .body("""
                        {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "2026-11-29T10:15:00Z",
                          "overrideReason": {"reason": {"system": "https://crosscheck.io/fhir/CodeSystem/crosscheck",
                            "code": "override.already-addressed", "display": "Already addressed"},
                            "userComment": "referred yesterday by Dr Jones at St Elsewhere"}}]}
                        """.formatted(card))
                .post(SERVICE + "/feedback")
                .then()
                .statusCode(200);
        String feedback = author().get("/api/v1/knowledge-base/rules/" + rule + "/feedback")
                .then()
                .statusCode(200)
                .extract()
                .path("recent.find { it.outcome == 'overridden' }.id");

        // the admin's clinic is another: the override is not found there
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("override", feedback, "reason", "not mine"))
                .post(CornerstoneApiTest.CORNERSTONES)
                .then()
                .statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.equalTo(List.of("/override")));
        String body = author().body(Map.of("override", feedback, "reason", "Referral already made outside Crosscheck"))
                .post(CornerstoneApiTest.CORNERSTONES)
                .then()
                .statusCode(201)
                .body("origin", equalTo("override"))
                .body("originId", equalTo(feedback))
                .body("rules", hasItem(rule))
                .body("decidedBy", equalTo("EHR client " + ISSUER))
                .body("decidedIn", equalTo("2026-11"))
                .body("decisionReason", equalTo("Already addressed"))
                .body("request.clientRef", equalTo("cornerstone"))
                .body("conclusion.referral", org.hamcrest.Matchers.not(equalTo("none")))
                .extract()
                .asString();
        assertThat(body)
                .doesNotContain("Dr Jones")
                .doesNotContain("St Elsewhere")
                .doesNotContain(patient);
        String id = new JsonPath(body).getString("id");
        assertThat(new JsonPath(body).getString("expected")).contains("overridden: Already addressed");

        author().body(Map.of("reason", "test over"))
                .post(CornerstoneApiTest.CORNERSTONES + "/" + id + "/retire")
                .then()
                .statusCode(200)
                .body("status", equalTo("retired"));
    }
}
