package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.crosscheck.support.WebSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clinician edits the take-home sheet before printing: which home exercises go home, their dose in the client's
 * words and a note, kept with the screening as numbered versions (a save from an older version is a 409), audited,
 * each bad field named with nothing saved, invisible to another clinic, and refused while a referral withholds
 * exercise. The sheet prints what was chosen.
 */
@QuarkusTest
class HomeProgrammeApiTest {

    static final String PASSWORD = "home-programme-pw-1";
    static final String PHYSIO = "home-programme-physio";
    static final String OTHER = "home-programme-other";
    /** The clinic's administrator, who reads its audit log. */
    static final String ADMIN = "home-programme-admin";

    @BeforeEach
    void users() {
        TestUsers.signInAsTester();
        TestUsers.ensureUser(PHYSIO, PASSWORD, List.of("physio"), "clinic-home-programme");
        TestUsers.ensureUser(OTHER, PASSWORD, List.of("physio"), "clinic-home-programme-other");
        TestUsers.ensureUser(ADMIN, PASSWORD, List.of("admin"), "clinic-home-programme");
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    static String screen(String body) {
        return as(PHYSIO)
                .contentType(ContentType.JSON)
                .body(body.replace("pseudo-0001", "home-" + UUID.randomUUID()))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String path(String id) {
        return "/api/v1/screenings/" + id + "/home-programme";
    }

    static JsonPath current(String id) {
        return as(PHYSIO).get(path(id)).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSavedEditKeepsAnExerciseBackChangesADoseAddsANoteAndTheSheetPrintsIt() {
        Instant start = Instant.now();
        String id = screen(Requests.ARTICLE_DESK_WORKER);
        JsonPath before = current(id);
        assertThat(before.getInt("version")).isZero();
        assertThat(before.getList("items.id", String.class))
                .contains("warm_up", "hip_flexor_stretch", "breathing_retraining", "childs_pose");
        assertThat(before.getList("items.include", Boolean.class)).containsOnly(true);
        assertThat(before.getString("items.find { it.id == 'hip_flexor_stretch' }.dose.hold"))
                .isEqualTo("10 to 30 seconds, or 30 to 60 seconds if you are over 65");

        as(PHYSIO)
                .contentType(ContentType.JSON)
                .body("""
                        { "basedOn": 0, "note": "Do these after your evening walk.",
                          "items": [ { "id": "childs_pose", "include": false },
                                     { "id": "hip_flexor_stretch", "dose": { "hold": "30 seconds" } } ] }""")
                .put(path(id))
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("editedBy", equalTo(PHYSIO))
                .body("note", equalTo("Do these after your evening walk."))
                .body("items.find { it.id == 'childs_pose' }.include", equalTo(false))
                .body("items.find { it.id == 'hip_flexor_stretch' }.dose.hold", equalTo("30 seconds"))
                .body("items.find { it.id == 'hip_flexor_stretch' }.dose.repeat", equalTo("2 to 4 times on each side"))
                .body("items.find { it.id == 'hip_flexor_stretch' }.doseEdited", equalTo(true))
                .body("items.find { it.id == 'warm_up' }.doseEdited", equalTo(false))
                .body("versions.version", equalTo(List.of(1)));

        String sheet = given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, WebSignIn.session(PHYSIO, PASSWORD))
                .get("/ui/screenings/" + id + "/sheet")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(sheet)
                .contains("A note from your physiotherapist", "Do these after your evening walk.")
                .contains("data-intervention=\"hip_flexor_stretch\"", "30 seconds")
                .doesNotContain("data-intervention=\"childs_pose\"")
                .doesNotContain("10 to 30 seconds");
        assertThat(AuditEntries.since(as(ADMIN), "screening.sheet.edit", start)).anySatisfy(e -> {
            assertThat(e.get("subject")).isEqualTo(id);
            assertThat(String.valueOf(e.get("detail")))
                    .contains("version 1")
                    .contains("a note")
                    .doesNotContain("evening walk");
        });
    }

    @Test
    void aSaveFromAnOlderVersionIsAConflictAndTheLaterVersionKeepsTheEarlierChoices() {
        String id = screen(Requests.ARTICLE_DESK_WORKER);
        save(id, 0, "{ \"id\": \"childs_pose\", \"include\": false }", 200);
        as(PHYSIO)
                .contentType(ContentType.JSON)
                .body("{ \"basedOn\": 0, \"items\": [] }")
                .put(path(id))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("/basedOn")));
        save(id, 1, "{ \"id\": \"warm_up\", \"dose\": { \"often\": \"Before every walk\" } }", 200);
        JsonPath now = current(id);
        assertThat(now.getInt("version")).isEqualTo(2);
        assertThat(now.getBoolean("items.find { it.id == 'childs_pose' }.include"))
                .as("items not listed keep their state")
                .isFalse();
        assertThat(now.getString("items.find { it.id == 'warm_up' }.dose.often"))
                .isEqualTo("Before every walk");
        assertThat(now.getList("versions.version", Integer.class)).containsExactly(1, 2);
    }

    @Test
    void eachBadFieldIsNamedAndNothingIsSaved() {
        String id = screen(Requests.ARTICLE_DESK_WORKER);
        as(PHYSIO)
                .contentType(ContentType.JSON)
                .body("{ \"basedOn\": 0, \"note\": \"bell\\u0007\", \"items\": [ { \"id\": \"deadlift\" },"
                        + " { \"id\": \"warm_up\", \"dose\": { \"hold\": \"" + "x".repeat(121) + "\" } },"
                        + " { \"id\": \"warm_up\" } ] }")
                .put(path(id))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("/items/0/id", "/items/1/dose/hold", "/items/2/id", "/note")));
        as(PHYSIO)
                .contentType(ContentType.JSON)
                .body("{ \"items\": [], \"colour\": \"red\" }")
                .put(path(id))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("/colour")));
        assertThat(current(id).getInt("version")).as("nothing saved").isZero();
    }

    @Test
    void anotherClinicSeesNoSuchScreeningAndAReferralLeavesNothingToChoose() {
        String id = screen(Requests.ARTICLE_DESK_WORKER);
        as(OTHER).get(path(id)).then().statusCode(404);
        as(OTHER)
                .contentType(ContentType.JSON)
                .body("{ \"basedOn\": 0, \"items\": [] }")
                .put(path(id))
                .then()
                .statusCode(404);

        String referred = screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);
        JsonPath r = current(referred);
        assertThat(r.getBoolean("exerciseWithheld")).isTrue();
        assertThat(r.getList("items")).isEmpty();
        as(PHYSIO)
                .contentType(ContentType.JSON)
                .body("{ \"basedOn\": 0, \"note\": \"Rest.\", \"items\": [] }")
                .put(path(referred))
                .then()
                .statusCode(409)
                .body("errors.field", equalTo(List.of("/items")));
    }

    static void save(String id, int basedOn, String item, int status) {
        as(PHYSIO)
                .contentType(ContentType.JSON)
                .body("{ \"basedOn\": " + basedOn + ", \"items\": [ " + item + " ] }")
                .put(path(id))
                .then()
                .statusCode(status);
    }
}
