package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Physiotherapists' disagreements with conclusions, and what rule authors see of them. */
@QuarkusTest
class DisagreementsApiTest {

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void aDisagreementWithAConclusionIsStoredWithItsRuleAndShownToAuthorsWithoutTheClient() {
        String ref = "disagree-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath screening = given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = screening.getString("id");
        String conclusion = screening.getString("patterns.find { it.code == 'LCS' }.conclusionId");
        String expected = "partial: the hip flexors were tested with the pelvis uncontrolled " + UUID.randomUUID();

        given().contentType(ContentType.JSON)
                .body(Map.of("conclusionId", conclusion, "expected", expected, "comment", "see notes"))
                .post("/api/v1/screenings/" + id + "/disagreements")
                .then()
                .statusCode(201)
                .body("ruleId", equalTo("PAT-001"))
                .body("conclusionId", equalTo(conclusion))
                .body("screeningId", equalTo(id))
                .body("user", equalTo(TestUsers.ADMIN))
                .body("kbVersion", equalTo(screening.getString("knowledgeBase.version")));
        given().contentType(ContentType.JSON)
                .body(Map.of("ruleId", "LCS-010", "expected", "not short"))
                .post("/api/v1/screenings/" + id + "/disagreements")
                .then()
                .statusCode(201)
                .body("ruleId", equalTo("LCS-010"));

        String forRule = given().get("/api/v1/knowledge-base/rules/PAT-001/disagreements")
                .then()
                .statusCode(200)
                .body("ruleId", equalTo("PAT-001"))
                .body("count", greaterThanOrEqualTo(1))
                .body("disagreements.expected", hasItem(expected))
                .body("feedback", equalTo("/api/v1/knowledge-base/rules/PAT-001/feedback"))
                .extract()
                .asString();
        assertThat(forRule).doesNotContain(ref).doesNotContain(id).doesNotContain("clientRef");

        given().get("/api/v1/knowledge-base/disagreements")
                .then()
                .statusCode(200)
                .body("ruleId", hasItem("PAT-001"))
                .body("ruleId", hasItem("LCS-010"))
                .body(
                        "find { it.ruleId == 'LCS-010' }.disagreements",
                        equalTo("/api/v1/knowledge-base/rules/LCS-010/disagreements"))
                .body("find { it.ruleId == 'LCS-010' }.count", greaterThanOrEqualTo(1));
        given().queryParam("action", "screening.disagree")
                .queryParam("limit", 1000)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .body("subject", hasItem(id));
    }

    @Test
    void aConclusionOrRuleNotInTheScreeningIsRefusedAndNothingIsStored() {
        String id = given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String url = "/api/v1/screenings/" + id + "/disagreements";
        long before = given().get("/api/v1/knowledge-base/rules/SAF-001/disagreements")
                .then()
                .extract()
                .jsonPath()
                .getLong("count");

        given().contentType(ContentType.JSON)
                .body(Map.of("ruleId", "SAF-001", "expected", "x"))
                .post(url)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("/ruleId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("conclusionId", "c9999", "expected", "x"))
                .post(url)
                .then()
                .statusCode(422)
                .body("errors.field", contains("/conclusionId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("ruleId", "PAT-001"))
                .post(url)
                .then()
                .statusCode(422)
                .body("errors.field", contains("/expected"));
        given().contentType(ContentType.JSON)
                .body(Map.of("ruleId", "PAT-001", "conclusionId", "c1", "expected", "x"))
                .post(url)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("/conclusionId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("ruleId", "PAT-001", "expected", "x", "patient", "x"))
                .post(url)
                .then()
                .statusCode(400)
                .body("errors.field", contains("/patient"));
        given().contentType(ContentType.JSON)
                .body(Map.of("ruleId", "PAT-001", "expected", "x"))
                .post("/api/v1/screenings/" + UUID.randomUUID() + "/disagreements")
                .then()
                .statusCode(404);

        given().get("/api/v1/knowledge-base/rules/SAF-001/disagreements").then().body("count", equalTo((int) before));
    }
}
