package io.crosscheck.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.Candidates;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.ProposalReviewProfile;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where approval is required, accepting a changed cornerstone needs a second author too: the first author's
 * acceptance awaits a confirmation, the same author cannot give it, the proposal stays held back (even approved)
 * until another author confirms, and both steps are audited.
 */
// sandboxed validations (131 s on the PostgreSQL leg of a local CI run); its tables (proposals, cornerstone cases) are
// covered on PostgreSQL by ProposalReviewApiTest and CornerstoneApiTest, so this class runs once, on the H2 leg
@org.junit.jupiter.api.Tag("heavy")
@QuarkusTest
@TestProfile(ProposalReviewProfile.class)
class CornerstoneSecondAuthorApiTest {

    static final String PASSWORD = "cornerstone-password-123";
    static final String ALICE = "cs-alice";
    static final String BOB = "cs-bob";
    static final String CORNERSTONES = CornerstoneApiTest.CORNERSTONES;

    @BeforeEach
    void authors() {
        TestUsers.ensureUser(ALICE, PASSWORD, List.of("author", "physio"), "default");
        TestUsers.ensureUser(BOB, PASSWORD, List.of("author"), "default");
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORD).contentType(ContentType.JSON);
    }

    @Test
    void anAcceptanceAwaitsASecondAuthorWhoseConfirmationAloneLetsTheChangedVersionGoLive() {
        Instant start = Instant.now();
        String before =
                as(ALICE).get("/api/v1/knowledge-base/active").then().extract().path("version");
        String screening = as(ALICE)
                .body(Requests.FORWARD_HEAD_CVA_49)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String disagreement = as(ALICE)
                .body(Map.of("ruleId", "UCS-001", "expected", "consistent"))
                .post("/api/v1/screenings/" + screening + "/disagreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String id = as(ALICE)
                .body(Map.of("disagreement", disagreement, "reason", "Forward head at 49 deg"))
                .post(CORNERSTONES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
            Candidates.cvaThreshold48(kb.rules(), kb.docs());
            String version = given().auth()
                    .preemptive()
                    .basic(ALICE, PASSWORD)
                    .contentType("application/zip")
                    .body(TestUsers.zip(kb.rules(), kb.docs()))
                    .queryParam("summary", "forward head below 48 deg")
                    .post("/api/v1/knowledge-base/proposals")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("version");
            as(BOB).post("/api/v1/knowledge-base/proposals/" + version + "/approve")
                    .then()
                    .statusCode(200)
                    .body("activatable", equalTo(false))
                    .body("notActivatableBecause", containsString("cornerstone case(s) (" + id.substring(0, 8)));

            as(ALICE)
                    .body(Map.of("version", version, "reason", "Partial is right below 48 deg"))
                    .post(CORNERSTONES + "/" + id + "/accept")
                    .then()
                    .statusCode(200)
                    .body("acceptance", equalTo("awaiting a second author"))
                    .body("acceptedBy", equalTo(ALICE))
                    .body("confirmedBy", equalTo(null));
            as(ALICE)
                    .post("/api/v1/knowledge-base/proposals/" + version + "/activate")
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("urn:crosscheck:problem:cornerstones-changed"))
                    .body("detail", containsString("two authors"));
            as(ALICE)
                    .body(Map.of("version", version, "reason", "Me again"))
                    .post(CORNERSTONES + "/" + id + "/accept")
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("urn:crosscheck:problem:acceptance-by-same-author"));
            as(BOB).body(Map.of("version", version, "reason", "Agreed: two findings make it partial"))
                    .post(CORNERSTONES + "/" + id + "/accept")
                    .then()
                    .statusCode(200)
                    .body("acceptance", equalTo("accepted"))
                    .body("confirmedBy", equalTo(BOB))
                    .body("confirmReason", equalTo("Agreed: two findings make it partial"));

            as(ALICE)
                    .post("/api/v1/knowledge-base/proposals/" + version + "/activate")
                    .then()
                    .statusCode(200);
            as(BOB).get(CORNERSTONES + "/" + id)
                    .then()
                    .body("status", equalTo("changed and accepted"))
                    .body("acceptedBy", equalTo(ALICE + ", confirmed by " + BOB))
                    .body("conclusion.patterns.UCS", equalTo("partial"));
            RequestSpecification admin = given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            assertThat(AuditEntries.since(admin, "kb.cornerstone.accepted", start))
                    .anySatisfy(e -> assertThat(e)
                            .containsEntry("subject", id)
                            .containsEntry("actor", ALICE)
                            .containsEntry("detail", "by " + ALICE + ", awaiting a second author"));
            assertThat(AuditEntries.since(
                            given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD),
                            "kb.cornerstone.confirmed",
                            start))
                    .anySatisfy(e -> assertThat(e)
                            .containsEntry("subject", id)
                            .containsEntry("actor", BOB)
                            .containsEntry("kbVersion", version));
        } finally {
            as(ALICE).body(Map.of("reason", "test over")).post(CORNERSTONES + "/" + id + "/retire");
            as(ALICE)
                    .post("/api/v1/knowledge-base/reload?version=" + before)
                    .then()
                    .statusCode(200);
        }
    }
}
