package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A follow-up that names the visit it starts from ({@code followUp.previous}) gets, in its result's follow-up section,
 * what changed since: each pattern's status then and now, the findings that appeared, resolved (tested again and gone)
 * or were not re-examined, and each measured value then and now with the change. A screening that names no previous
 * visit and records no outcome is stored as sent, without it.
 */
@QuarkusTest
class SinceLastVisitApiTest {

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    static String upperCrossed(String ref, int cva, String rounded, String muscles, int nrs, String followUp) {
        return """
                {"clientRef": "%s", "client": {"age": 41, "sex": "male"}, %s
                 "observations": [
                   {"code": "craniovertebral_angle", "measurement": {"value": %d, "unit": "deg"}}%s],
                 "muscleLength": [%s],
                 "symptoms": [{"region": "neck", "kind": "pain", "trigger": "sitting", "nrs": %d, "durationWeeks": 12}]}
                """.formatted(
                        ref, followUp == null ? "" : "\"followUp\": " + followUp + ",", cva, rounded, muscles, nrs);
    }

    static JsonPath screen(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void theFollowUpShowsWhatChangedSinceTheVisitItStartedFrom() {
        String ref = "since-" + UUID.randomUUID();
        JsonPath first = screen(upperCrossed(
                ref,
                44,
                ", {\"code\": \"rounded_shoulders\", \"present\": true}",
                "{\"muscle\": \"pectoralis_minor\", \"side\": \"right\", \"result\": \"short\"}",
                6,
                null));
        assertThat(first.getMap("followUp"))
                .as("a first visit compares with nothing")
                .isNull();

        JsonPath next = screen(upperCrossed(
                ref,
                48,
                ", {\"code\": \"rounded_shoulders\", \"present\": false}",
                "{\"muscle\": \"upper_trapezius\", \"side\": \"right\", \"result\": \"short\"}",
                3,
                "{\"previous\": {\"screeningId\": \"" + first.getString("id") + "\"}}"));

        assertThat(next.getString("followUp.previous.screeningId")).isEqualTo(first.getString("id"));
        JsonPath since = new JsonPath(next.prettify()).setRootPath("followUp.sinceLastVisit");
        assertThat(since.getDouble("measures.find { it.code == 'craniovertebral_angle' }.before"))
                .isEqualTo(44.0);
        assertThat(since.getDouble("measures.find { it.code == 'craniovertebral_angle' }.now"))
                .isEqualTo(48.0);
        assertThat(since.getDouble("measures.find { it.code == 'craniovertebral_angle' }.change"))
                .isEqualTo(4.0);
        assertThat(since.getString("measures.find { it.code == 'craniovertebral_angle' }.unit"))
                .isEqualTo("deg");
        assertThat(since.getDouble("measures.find { it.kind == 'symptom' }.change"))
                .isEqualTo(-3.0);
        assertThat(since.getString("findings.find { it.code == 'rounded_shoulders' }.change"))
                .as("tested again and absent")
                .isEqualTo("resolved");
        assertThat(since.getString("findings.find { it.code == 'pectoralis_minor_short' }.change"))
                .as("pectoralis minor was not tested this time: nothing is known of it")
                .isEqualTo("not_reexamined");
        assertThat(since.getString("findings.find { it.code == 'upper_trapezius_short' }.change"))
                .isEqualTo("appeared");
        assertThat(since.getString("patterns.find { it.code == 'UCS' }.before"))
                .isEqualTo(first.getString("patterns.find { it.code == 'UCS' }.status"));
        assertThat(since.getString("patterns.find { it.code == 'UCS' }.now"))
                .isEqualTo(next.getString("patterns.find { it.code == 'UCS' }.status"));

        assertThat(next.getMap("followUp.sinceLastVisit")).containsOnlyKeys("patterns", "findings", "measures");
        // stored as returned
        given().get("/api/v1/screenings/" + next.getString("id"))
                .then()
                .statusCode(200)
                .body(
                        "followUp.sinceLastVisit.measures.find { it.code == 'craniovertebral_angle' }.change",
                        equalTo(4.0f));
    }

    @Test
    void aFollowUpNamingAnotherVisitThanTheLatestIsRefusedAndNothingStored() {
        String ref = "since-other-" + UUID.randomUUID();
        screen(upperCrossed(ref, 44, "", "", 5, null));
        given().contentType(ContentType.JSON)
                .body(upperCrossed(
                        ref, 46, "", "", 4, "{\"previous\": {\"screeningId\": \"" + UUID.randomUUID() + "\"}}"))
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("/followUp/previous"));
        given().get("/api/v1/clients/" + ref + "/screenings").then().body("total", equalTo(1));
    }
}
