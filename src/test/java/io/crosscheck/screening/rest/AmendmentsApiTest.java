package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Amending a screening: a new version evaluated like any screening, the original unchanged, the chain listed. */
@QuarkusTest
class AmendmentsApiTest {

    static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    static String ref() {
        return "amend-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String amendment(String reason, String request) {
        return "{\"reason\": " + (reason == null ? "null" : "\"" + reason + "\"") + ", \"request\": " + request + "}";
    }

    @Test
    void anAmendmentIsEvaluatedAndStoredAsTheNextVersionWhileTheOriginalStaysAsItWas() {
        String ref = ref();
        String body = Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref);
        String original = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String before = given().get("/api/v1/screenings/" + original)
                .then()
                .statusCode(200)
                .body("amendment", nullValue())
                .extract()
                .asString();

        JsonPath amended = given().contentType(ContentType.JSON)
                .body(amendment(
                        "Saddle anaesthesia was recorded as absent by mistake",
                        Requests.ARTICLE_WITH_SADDLE_NUMBNESS.replace("pseudo-0001", ref)))
                .post("/api/v1/screenings/" + original + "/amendments")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/screenings/"))
                .body("redFlags.urgency", equalTo("emergency"))
                .body("amendment.version", equalTo(2))
                .body("amendment.amends", equalTo(original))
                .body("amendment.chainId", equalTo(original))
                .body("amendment.latest", equalTo(true))
                .extract()
                .jsonPath();
        String second = amended.getString("id");
        assertThat(second).isNotEqualTo(original);

        JsonPath old = given().get("/api/v1/screenings/" + original)
                .then()
                .statusCode(200)
                .body("amendment.supersededBy", equalTo(second))
                .body("amendment.supersededByVersion", equalTo(2))
                .body("amendment.version", equalTo(1))
                .body("amendment.latest", equalTo(false))
                .body("redFlags.referral", equalTo(false))
                .extract()
                .jsonPath();
        old.getMap("").remove("amendment");
        assertThat(new JsonPath(before).getMap(""))
                .as("the original, apart from the amendment info")
                .isEqualTo(old.getMap(""));
        given().get("/api/v1/screenings/" + second)
                .then()
                .statusCode(200)
                .body("amendment.reason", equalTo("Saddle anaesthesia was recorded as absent by mistake"));

        given().get("/api/v1/screenings/" + second + "/versions")
                .then()
                .statusCode(200)
                .body("id", contains(original, second))
                .body("version", contains(1, 2))
                .body("supersededBy", contains(second, null))
                .body("latest", contains(false, true));

        // lists count only the latest version of a chain
        given().get("/api/v1/clients/" + ref + "/screenings")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(second))
                .body("items[0].amendment.version", equalTo(2));
        given().queryParam("q", ref)
                .get("/api/v1/clients")
                .then()
                .statusCode(200)
                .body("items[0].screenings", equalTo(1))
                .body("items[0].lastScreeningId", equalTo(second));
        given().get("/api/v1/clients/" + ref + "/history")
                .then()
                .statusCode(200)
                .body("patterns[0].points.screeningId", contains(second));
        given().queryParam("action", "screening.amend")
                .queryParam("limit", 1000)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .body("subject", hasItem(second));
    }

    @Test
    void amendingASupersededVersionIsAConflict() {
        String ref = ref();
        String body = Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref);
        String original = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = given().contentType(ContentType.JSON)
                .body(amendment("corrected age", body.replace("\"age\": 34", "\"age\": 35")))
                .post("/api/v1/screenings/" + original + "/amendments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body(amendment("again", body))
                .post("/api/v1/screenings/" + original + "/amendments")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("errors[0].message", containsString(second));
        given().contentType(ContentType.JSON)
                .body(amendment("third version", body))
                .post("/api/v1/screenings/" + second + "/amendments")
                .then()
                .statusCode(201)
                .body("amendment.version", equalTo(3))
                .body("amendment.chainId", equalTo(original));
    }

    @Test
    void invalidAmendmentsAreProblemsNamingTheFieldAndStoreNothing() {
        String ref = ref();
        String body = Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref);
        String original = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String url = "/api/v1/screenings/" + original + "/amendments";

        given().contentType(ContentType.JSON)
                .body(amendment(null, body))
                .post(url)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("/reason"));
        given().contentType(ContentType.JSON)
                .body(amendment("x".repeat(501), body))
                .post(url)
                .then()
                .statusCode(422)
                .body("errors.field", contains("/reason"));
        given().contentType(ContentType.JSON)
                .body(amendment("another client", body.replace(ref, ref + "-other")))
                .post(url)
                .then()
                .statusCode(422)
                .body("errors.field", contains("/request/clientRef"));
        given().contentType(ContentType.JSON)
                .body(amendment("bad pain score", body.replace("\"nrs\": 4", "\"nrs\": 15")))
                .post(url)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("/request/symptoms/0/nrs"));
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"r\", \"request\": " + body + ", \"extra\": 1}")
                .post(url)
                .then()
                .statusCode(400)
                .body("errors.field", contains("/extra"));
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"r\"}")
                .post(url)
                .then()
                .statusCode(422)
                .body("errors.field", contains("/request"));
        given().contentType(ContentType.JSON)
                .body(amendment("unknown", body))
                .post("/api/v1/screenings/" + UUID.randomUUID() + "/amendments")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);

        given().get("/api/v1/screenings/" + original).then().statusCode(200).body("amendment", nullValue());
        given().get("/api/v1/screenings/" + original + "/versions")
                .then()
                .statusCode(200)
                .body("id", contains(original));
        given().get("/api/v1/clients/" + ref + "/screenings").then().body("total", equalTo(1));
    }
}
