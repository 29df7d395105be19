package io.crosscheck.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.authoring.service.EmergencyActivations;
import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.ProposalReviewProfile;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emergency path of a revert (issue 24), with approval required: validated, live at once without the second
 * author, audited, and listed as awaiting review until an author other than the one who made it reviewed it.
 */
@QuarkusTest
@TestProfile(ProposalReviewProfile.class)
class EmergencyRevertTest {

    private static final String PASSWORD = "emergency-author-pw1";

    private String original;

    @BeforeEach
    void authors() {
        TestUsers.ensureUser("emergency-alice", PASSWORD, List.of("author", "physio"), "default");
        TestUsers.ensureUser("emergency-bob", PASSWORD, List.of("author"), "default");
        original = RevertApiTest.serving(as("emergency-alice"));
    }

    @AfterEach
    void restore() {
        // a version that was live before needs no approval to serve again
        as("emergency-alice")
                .contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/reload?version=" + original)
                .then()
                .statusCode(200);
    }

    @Test
    void anEmergencyRevertGoesLiveAtOnceIsAuditedAndAwaitsAnotherAuthorsReview() {
        Instant start = Instant.now();
        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        String threshold = approvedAndLive(RevertApiTest.cvaThreshold48(kb));
        io.crosscheck.support.Candidates.hipFlexorHold(kb.rules(), kb.docs(), "20-30", "20 to 30");
        String dose = approvedAndLive(kb);

        String reverted = as("emergency-alice")
                .contentType(ContentType.JSON)
                .body("{\"emergency\": true, \"reason\": \"the 48 deg cut-off misses forward heads we treat\"}")
                .post("/api/v1/knowledge-base/versions/" + threshold + "/revert")
                .then()
                .statusCode(200)
                .body("live", equalTo(true))
                .body("emergency", equalTo(true))
                .body("awaitingReview", equalTo(true))
                .body("revertOf", equalTo(threshold))
                .body("basedOn", equalTo(dose))
                .body("approvalRequired", equalTo(true))
                .extract()
                .path("version");

        // live at once, on a content that was never live and never approved
        assertThat(RevertApiTest.serving(as("emergency-alice"))).isEqualTo(reverted);
        assertThat(RevertApiTest.upperCrossed(as("emergency-alice")
                        .contentType(ContentType.JSON)
                        .body(RevertApiTest.CVA_49)
                        .post("/api/v1/screenings")
                        .then()
                        .statusCode(201)
                        .body("knowledgeBase.version", equalTo(reverted))
                        .extract()
                        .jsonPath()))
                .isEqualTo("consistent");
        as("emergency-bob")
                .get("/api/v1/knowledge-base/emergencies?awaitingReview=true")
                .then()
                .statusCode(200)
                .body("find { it.version == '" + reverted + "' }.activatedBy", equalTo("emergency-alice"))
                .body("find { it.version == '" + reverted + "' }.revertedVersion", equalTo(threshold))
                .body("find { it.version == '" + reverted + "' }.reason", containsString("48 deg cut-off"));
        assertThat(AuditEntries.since(admin(), EmergencyActivations.ACTIVATED, start))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("subject")).isEqualTo(reverted);
                    assertThat(e.get("actor")).isEqualTo("emergency-alice");
                    assertThat((String) e.get("detail")).contains("revert of " + threshold);
                });

        // not by the author who made it; then by another, with a reason
        as("emergency-alice")
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"looks right to me\"}")
                .post("/api/v1/knowledge-base/versions/" + reverted + "/review")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:crosscheck:problem:review-by-activator"));
        as("emergency-bob")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/knowledge-base/versions/" + reverted + "/review")
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("/reason")));
        as("emergency-bob")
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"checked against the boundary scenarios\"}")
                .post("/api/v1/knowledge-base/versions/" + reverted + "/review")
                .then()
                .statusCode(200)
                .body("reviewedBy", equalTo("emergency-bob"))
                .body("awaitingReview", equalTo(false));
        assertThat(as("emergency-bob")
                        .get("/api/v1/knowledge-base/emergencies?awaitingReview=true")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("version"))
                .doesNotContain(reverted);
        as("emergency-bob")
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"again\"}")
                .post("/api/v1/knowledge-base/versions/" + reverted + "/review")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:crosscheck:problem:emergency-reviewed"));
        assertThat(AuditEntries.since(admin(), EmergencyActivations.REVIEWED, start))
                .singleElement()
                .satisfies(e -> assertThat(e.get("actor")).isEqualTo("emergency-bob"));
    }

    @Test
    void aVersionNeverActivatedInAnEmergencyHasNothingToReview() {
        as("emergency-bob")
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"nothing\"}")
                .post("/api/v1/knowledge-base/versions/" + original + "/review")
                .then()
                .statusCode(404);
    }

    /** Proposed by alice, approved by bob, activated by alice: the ordinary way, with approval required. */
    private static String approvedAndLive(KnowledgeBaseCopy kb) {
        String version = as("emergency-alice")
                .contentType("application/zip")
                .body(TestUsers.zip(kb.rules(), kb.docs()))
                .post("/api/v1/knowledge-base/proposals")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
        as("emergency-bob")
                .contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/proposals/" + version + "/approve")
                .then()
                .statusCode(200);
        as("emergency-alice")
                .contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/proposals/" + version + "/activate")
                .then()
                .statusCode(200);
        return version;
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORD);
    }
}
