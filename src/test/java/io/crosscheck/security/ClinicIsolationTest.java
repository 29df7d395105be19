package io.crosscheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that returns client data answers for the caller's clinic only: a user of clinic B
 * cannot read, export, erase, replay or re-fetch (by idempotency key) what clinic A stored. Real
 * users of two clinics, real credentials.
 */
@QuarkusTest
class ClinicIsolationTest {

    static final String PASSWORD = "isolation-password-1";

    static boolean created;

    @org.junit.jupiter.api.BeforeEach
    void users() {
        if (created) {
            return;
        }
        created = true;
        for (String clinic : List.of("clinic-a", "clinic-b")) {
            TestUsers.ensureUser(clinic + "-physio", PASSWORD, List.of("physio"), clinic);
            TestUsers.ensureUser(clinic + "-author", PASSWORD, List.of("author"), clinic);
            TestUsers.ensureUser(clinic + "-admin", PASSWORD, List.of("admin"), clinic);
        }
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    @Test
    void aScreeningOfClinicAIsNotFoundForClinicB() {
        String id = as("clinic-a-physio")
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("clinic-a-physio")
                .get("/api/v1/screenings/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        as("clinic-b-physio").get("/api/v1/screenings/" + id).then().statusCode(404);
        as("clinic-b-physio")
                .get("/api/v1/screenings/" + id + "?explain=full")
                .then()
                .statusCode(404);
        as("clinic-b-physio")
                .get("/api/v1/screenings/" + id + "/explanation")
                .then()
                .statusCode(404);
        as("clinic-a-physio")
                .get("/api/v1/screenings/" + id + "/explanation")
                .then()
                .statusCode(200);
        as("clinic-b-physio")
                .get("/api/v1/screenings/" + id + "/what-if")
                .then()
                .statusCode(404);
        as("clinic-a-physio")
                .get("/api/v1/screenings/" + id + "/what-if")
                .then()
                .statusCode(200);
    }

    @Test
    void anIdempotencyKeyOfClinicAGivesClinicBItsOwnScreening() {
        String key = "iso-" + UUID.randomUUID();
        String a = as("clinic-a-physio")
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String b = as("clinic-b-physio")
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void exportAndErasureSeeOnlyTheCallersClinic() {
        String ref = "iso-client-" + UUID.randomUUID().toString().substring(0, 8);
        String id = as("clinic-a-physio")
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("clinic-b-admin")
                .get("/api/v1/admin/clients/" + ref + "/export")
                .then()
                .statusCode(200)
                .body("screenings.size()", equalTo(0));
        as("clinic-b-admin")
                .delete("/api/v1/admin/clients/" + ref)
                .then()
                .statusCode(200)
                .body("screeningsErased", equalTo(0));
        as("clinic-a-physio").get("/api/v1/screenings/" + id).then().statusCode(200);
        as("clinic-a-admin")
                .get("/api/v1/admin/clients/" + ref + "/export")
                .then()
                .statusCode(200)
                .body("screenings.size()", equalTo(1))
                .body("screenings[0].id", equalTo(id));
    }

    @Test
    void aReplayOfClinicBNeitherReadsNorShowsClinicAScreenings() {
        String ref = "iso-replay-" + UUID.randomUUID().toString().substring(0, 8);
        as("clinic-a-physio")
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        String version = as("clinic-a-author")
                .get("/api/v1/knowledge-base")
                .then()
                .extract()
                .path("version");

        String mine = as("clinic-a-author")
                .contentType(ContentType.JSON)
                .body(Map.of("candidateVersion", version, "clientRef", ref))
                .post("/api/v1/knowledge-base/replays")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        String theirs = as("clinic-b-author")
                .contentType(ContentType.JSON)
                .body(Map.of("candidateVersion", version, "clientRef", ref))
                .post("/api/v1/knowledge-base/replays")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        assertThat(done("clinic-a-author", mine).getLong("total")).isEqualTo(1);
        assertThat(done("clinic-b-author", theirs).getLong("total")).isZero();
        as("clinic-b-author").get(mine).then().statusCode(404);
        as("clinic-b-author").get(mine + "/report.txt").then().statusCode(404);
    }

    @Test
    void theAuditLogShowsAnAdminOnlyTheirClinicsEntries() {
        as("clinic-a-physio")
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        List<String> clinics = as("clinic-b-admin")
                .queryParam("limit", 1000)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("clinic", String.class);
        assertThat(clinics).isNotEmpty().allMatch(c -> c == null || c.equals("clinic-b"));
    }

    private static JsonPath done(String user, String location) {
        return await("replay " + location + " finished")
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> as(user).get(location)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        job -> !"running".equals(job.getString("state")));
    }

    /**
     * An EHR client is registered against a clinic: the screenings its CDS Hooks calls create belong to
     * that clinic (found by its physio, not by another clinic's), and erasing the client there erases them.
     */
    @Test
    void screeningsOfAnEhrClientBelongToTheClinicItIsRegisteredAgainst() {
        String issuer = "https://ehr-of-clinic-a.example.org";
        as("clinic-a-admin")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "issuer",
                        issuer,
                        "clinic",
                        "clinic-a",
                        "jwks",
                        new JsonPath(io.crosscheck.support.EhrKeys.publicJwks(io.crosscheck.support.EhrKeys.EC))
                                .getMap("")))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
        String token = io.crosscheck.support.EhrKeys.sign(
                io.crosscheck.support.EhrKeys.claims(
                        issuer,
                        "http://localhost:" + io.restassured.RestAssured.port
                                + "/cds-services/crosscheck-patient-view"),
                io.crosscheck.support.EhrKeys.EC,
                org.jose4j.jws.AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        JsonPath cds = given().auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(io.crosscheck.support.FhirFixtures.articlePatientView(
                        UUID.randomUUID().toString(), io.crosscheck.support.FhirFixtures.LOW_BACK_RED_FLAGS, List.of()))
                .post("/cds-services/crosscheck-patient-view")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String id = cds.getString("extension.crosscheck.screeningId");
        String ref = as("clinic-a-physio")
                .get("/api/v1/screenings/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("clientRef");
        as("clinic-b-physio").get("/api/v1/screenings/" + id).then().statusCode(404);
        as("clinic-b-physio").get("/api/v1/screenings/" + id + "/fhir").then().statusCode(404);
        as("clinic-b-admin")
                .get("/api/v1/admin/clients/" + ref + "/export")
                .then()
                .statusCode(200)
                .body("screenings.size()", equalTo(0));
        as("clinic-a-admin")
                .delete("/api/v1/admin/clients/" + ref)
                .then()
                .statusCode(200)
                .body("screeningsErased", equalTo(1));
        as("clinic-a-physio").get("/api/v1/screenings/" + id).then().statusCode(404);
    }

    @Test
    void clientListsHistoryAmendmentsAndDisagreementsOfClinicAAreNotFoundForClinicB() {
        String ref = "iso-ui-" + UUID.randomUUID().toString().substring(0, 8);
        String body = Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref);
        String id = as("clinic-a-physio")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("clinic-a-physio")
                .queryParam("q", ref)
                .get("/api/v1/clients")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        as("clinic-b-physio")
                .queryParam("q", ref)
                .get("/api/v1/clients")
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("items.size()", equalTo(0));
        as("clinic-b-physio")
                .get("/api/v1/clients/" + ref + "/screenings")
                .then()
                .statusCode(404);
        as("clinic-b-physio").get("/api/v1/clients/" + ref + "/history").then().statusCode(404);
        as("clinic-b-physio")
                .get("/api/v1/screenings/" + id + "/versions")
                .then()
                .statusCode(404);
        as("clinic-b-physio")
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"not mine\", \"request\": " + body + "}")
                .post("/api/v1/screenings/" + id + "/amendments")
                .then()
                .statusCode(404);
        as("clinic-b-physio")
                .contentType(ContentType.JSON)
                .body(Map.of("ruleId", "PAT-001", "expected", "not mine"))
                .post("/api/v1/screenings/" + id + "/disagreements")
                .then()
                .statusCode(404);

        // clinic B's own screening of the same reference is a different client: each clinic sees only its own
        String theirs = as("clinic-b-physio")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("clinic-b-physio")
                .get("/api/v1/clients/" + ref + "/screenings")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(theirs));
        as("clinic-a-physio")
                .get("/api/v1/clients/" + ref + "/screenings")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        as("clinic-a-physio")
                .get("/api/v1/screenings/" + id + "/versions")
                .then()
                .statusCode(200);
    }
}
