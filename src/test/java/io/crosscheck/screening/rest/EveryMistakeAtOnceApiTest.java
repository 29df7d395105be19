package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;

import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One refused request names every bad field by its JSON pointer (issue 26): values of the wrong type no longer hide
 * the out-of-range values, the missing entries and the unknown codes of the rest of the body until a second submit,
 * and an amendment without a reason names the bad fields of its request too. The problem+json shape is unchanged.
 */
@QuarkusTest
class EveryMistakeAtOnceApiTest {

    static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    static final String FIVE_MISTAKES = """
            { "clientRef": "every-mistake-1",
              "client": { "age": "thirty" },
              "symptoms": [ { "region": "low_back", "kind": "pain", "nrs": 12 }, { "nrs": 4 } ],
              "lifestyle": { "sittingHoursPerDay": 30 },
              "observations": [ { "code": "craniovertebral_angle", "measurement": { "value": "forty", "unit": "deg" } } ],
              "muscleLength": [ { "muscle": "hamstrings", "side": "left", "result": "short",
                                  "measurement": { "value": -5, "unit": "deg" } } ] }
            """;

    @Test
    void wrongTypesOutOfRangeValuesAndMissingEntriesAreNamedInOneResponse() {
        given().contentType(ContentType.JSON)
                .body(FIVE_MISTAKES)
                .post("/api/v1/screenings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "/client/age",
                                "/observations/0/measurement/value",
                                "/lifestyle/sittingHoursPerDay",
                                "/muscleLength/0/measurement/value",
                                "/symptoms/0/nrs",
                                "/symptoms/1/kind",
                                "/symptoms/1/region"));
    }

    @Test
    void aWellFormedRequestWithSeveralInvalidValuesIsStillOne422NamingEachOnce() {
        given().contentType(ContentType.JSON)
                .body(FIVE_MISTAKES.replace("\"thirty\"", "200").replace("\"forty\"", "95"))
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "/client/age",
                                "/observations/0/measurement/value",
                                "/lifestyle/sittingHoursPerDay",
                                "/muscleLength/0/measurement/value",
                                "/symptoms/0/nrs",
                                "/symptoms/1/kind",
                                "/symptoms/1/region"));
    }

    @Test
    void anAmendmentWithoutAReasonNamesTheBadFieldsOfItsRequestInTheSameResponse() {
        String ref = "every-mistake-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().contentType(ContentType.JSON)
                .body("{\"clientRef\": \"" + ref + "\", \"client\": {\"age\": 40}}")
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"\", \"request\": {\"clientRef\": \"" + ref
                        + "\", \"client\": {\"age\": 200}, \"symptoms\": [{\"region\": \"neck\", \"kind\": \"pain\","
                        + " \"nrs\": 11}]}}")
                .post("/api/v1/screenings/" + id + "/amendments")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItems("/reason", "/request/client/age", "/request/symptoms/0/nrs"));
    }
}
