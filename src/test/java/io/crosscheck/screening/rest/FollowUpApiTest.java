package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.crosscheck.screening.Screening;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The next visit of a client: the server scores the outcome measures, finds the client's previous screening in the
 * clinic, compares each score with it against the MCID, and puts the previous visit in the stored request; what the
 * client reports per exercise of the previous sheet is read against that sheet; the rules hold load while pain is worse
 * and review an exercise that left symptoms worse. Every bad field is named and nothing is stored.
 */
@QuarkusTest
class FollowUpApiTest {

    static final String PASSWORD = "follow-up-pw-1";
    static final String PHYSIO = "follow-up-physio";
    static final String OTHER = "follow-up-other-clinic";

    @BeforeEach
    void users() {
        TestUsers.signInAsTester();
        TestUsers.ensureUser(PHYSIO, PASSWORD, List.of("physio"), "clinic-follow-up");
        TestUsers.ensureUser(OTHER, PASSWORD, List.of("physio"), "clinic-follow-up-other");
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    /** The article's desk worker with outcome measures and, optionally, a follow-up block (JSON members). */
    static String visit(String client, String outcomes, String followUp) {
        String extra = "\"outcomes\": " + outcomes + (followUp == null ? "" : ", \"followUp\": " + followUp) + ",";
        return Requests.ARTICLE_DESK_WORKER
                .replace("pseudo-0001", client)
                .replaceFirst("\"client\":", extra + " \"client\":");
    }

    static JsonPath screen(String user, String body) {
        return as(user).contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** The client's screenings in the physio's clinic (0 when the client has none: a 404). */
    static int screenings(String client) {
        var response = as(PHYSIO).get("/api/v1/clients/" + client + "/screenings");
        if (response.statusCode() == 404) {
            return 0;
        }
        return response.then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }

    @Test
    void theNextVisitIsComparedWithThePreviousOneAndWorsePainHoldsLoad() {
        String client = "fu-" + UUID.randomUUID();
        JsonPath first = screen(
                PHYSIO,
                visit(
                        client,
                        "[{\"measure\":\"pain_nrs\",\"items\":[4]},"
                                + "{\"measure\":\"odi\",\"items\":[2,2,3,1,3,2,2,null,2,3]}]",
                        null));
        assertThat(first.getDouble("followUp.outcomes.find { it.measure == 'odi' }.score"))
                .isEqualTo(44.4);
        assertThat(first.getString("followUp.outcomes.find { it.measure == 'odi' }.change"))
                .isNull();
        assertThat(first.getString("followUp.previous")).isNull();
        String firstId = first.getString("id");

        JsonPath second = screen(
                PHYSIO,
                visit(
                        client,
                        "[{\"measure\":\"pain_nrs\",\"items\":[6]},"
                                + "{\"measure\":\"odi\",\"items\":[1,1,2,1,2,1,1,null,1,2]}]",
                        "{\"items\":[{\"intervention\":\"hip_flexor_stretch\",\"done\":\"as_agreed\","
                                + "\"tolerance\":\"worse\"},{\"intervention\":\"warm_up\",\"done\":\"rarely\"}]}"));
        assertThat(second.getString("followUp.previous.screeningId")).isEqualTo(firstId);
        assertThat(second.getDouble("followUp.outcomes.find { it.measure == 'pain_nrs' }.previousScore"))
                .isEqualTo(4.0);
        assertThat(second.getDouble("followUp.outcomes.find { it.measure == 'pain_nrs' }.improvement"))
                .isEqualTo(-2.0);
        assertThat(second.getString("followUp.outcomes.find { it.measure == 'pain_nrs' }.change"))
                .isEqualTo("important_worsening");
        assertThat(second.getDouble("followUp.outcomes.find { it.measure == 'odi' }.score"))
                .isEqualTo(26.7);
        assertThat(second.getString("followUp.outcomes.find { it.measure == 'odi' }.change"))
                .isEqualTo("important_improvement");
        assertThat(second.getList("precautions.code", String.class))
                .contains("hold_load_progression", "review_home_exercise");
        assertThat(second.getString("precautions.find { it.code == 'review_home_exercise' }.text"))
                .contains("Hip-flexor stretch");
        assertThat(second.getString("followUp.programme.find { it.intervention == 'warm_up' }.doneLabel"))
                .isEqualTo("Rarely or not at all");

        String stored = QuarkusTransaction.requiringNew()
                .call(() -> Screening.<Screening>findById(UUID.fromString(second.getString("id")))
                        .request());
        assertThat(stored).contains(firstId).contains("\"pain_nrs\":4.0");
        assertThat(stored).contains("\"programme\":[\"warm_up\"");
    }

    @Test
    void aFollowUpItemMustBeOnThePreviousSheetAndNothingIsStoredWhenItIsNot() {
        String client = "fu-" + UUID.randomUUID();
        screen(PHYSIO, visit(client, "[{\"measure\":\"pain_nrs\",\"items\":[3]}]", null));
        as(PHYSIO)
                .contentType(ContentType.JSON)
                .body(visit(
                        client,
                        "[{\"measure\":\"pain_nrs\",\"items\":[3]}]",
                        "{\"items\":[{\"intervention\":\"pelvic_floor_training\",\"done\":\"as_agreed\"}]}"))
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/followUp/items/0/intervention"));
        assertThat(screenings(client)).isEqualTo(1);
    }

    @Test
    void eachBadOutcomeItemIsNamedAndAQuestionnaireWithTooManyGapsIsNeverScored() {
        String client = "fu-" + UUID.randomUUID();
        as(PHYSIO)
                .contentType(ContentType.JSON)
                .body(visit(
                        client,
                        "[{\"measure\":\"odi\",\"items\":[2,null,2,1,3,2,null,null,2,3]},"
                                + "{\"measure\":\"ndi\",\"items\":[1,2,6,1,0,1,1,1,1,1]},"
                                + "{\"measure\":\"psfs\",\"items\":[4],\"activities\":[\"<script>\"]},"
                                + "{\"measure\":\"sf36\",\"items\":[1]}]",
                        "{\"items\":[{\"intervention\":\"warm_up\",\"done\":\"daily\"},"
                                + "{\"intervention\":\"education_reassurance\",\"tolerance\":\"well\"}]}"))
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/outcomes/0/items"))
                .body("errors.field", hasItem("/outcomes/1/items/2"))
                .body("errors.field", hasItem("/outcomes/2/activities/0"))
                .body("errors.field", hasItem("/outcomes/3/measure"))
                .body("errors.field", hasItem("/followUp/items/0/done"))
                .body("errors.field", hasItem("/followUp/items/1/intervention"));
        assertThat(screenings(client)).isZero();
    }

    @Test
    void aPreviousVisitOtherThanTheStoredOneIsRefusedButAnEhrWithoutHistoryMaySendOne() {
        String client = "fu-" + UUID.randomUUID();
        String ehrPrevious = "{\"previous\":{\"date\":\"2026-11-01\",\"scores\":{\"pain_nrs\":2},"
                + "\"programme\":[\"hip_flexor_stretch\"]},"
                + "\"items\":[{\"intervention\":\"hip_flexor_stretch\",\"tolerance\":\"well\"}]}";
        JsonPath first = screen(PHYSIO, visit(client, "[{\"measure\":\"pain_nrs\",\"items\":[3]}]", ehrPrevious));
        assertThat(first.getDouble("followUp.outcomes[0].previousScore")).isEqualTo(2.0);
        assertThat(first.getList("precautions.code", String.class)).contains("hold_load_progression");

        as(PHYSIO)
                .contentType(ContentType.JSON)
                .body(visit(client, "[{\"measure\":\"pain_nrs\",\"items\":[3]}]", ehrPrevious))
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("/followUp/previous"));
        assertThat(screenings(client)).isEqualTo(1);
    }

    @Test
    void anotherClinicsScreeningOfTheSameReferenceIsNeverThePreviousVisit() {
        String client = "fu-" + UUID.randomUUID();
        screen(OTHER, visit(client, "[{\"measure\":\"pain_nrs\",\"items\":[1]}]", null));
        as(PHYSIO)
                .contentType(ContentType.JSON)
                .body(visit(client, "[{\"measure\":\"pain_nrs\",\"items\":[5]}]", null))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .body("followUp.previous", equalTo(null))
                .body("precautions.code", not(hasItem("hold_load_progression")));
    }
}
