package io.crosscheck.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.Candidates;
import io.crosscheck.support.ProposalReviewProfile;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proposals reviewed through the API with approval required: the proposer's summary and the generated one in the
 * version label, comments, approval with a comment, rejection with a reason (and what a rejection blocks until the
 * proposal is proposed again), proposing the working rules, and the audit entries of each step.
 */
@QuarkusTest
@TestProfile(ProposalReviewProfile.class)
class ProposalReviewApiTest {

    static final String PASSWORD = "review-password-123";
    static final String ALICE = "review-alice";
    static final String BOB = "review-bob";
    static final String LABEL = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} · ";

    static boolean created;

    @BeforeEach
    void authors() {
        if (created) {
            return;
        }
        created = true;
        TestUsers.ensureUser(ALICE, PASSWORD, List.of("author"), "default");
        TestUsers.ensureUser(BOB, PASSWORD, List.of("author"), "default");
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    /** A zip of the shipped rules with one comment line added to patterns.yaml, so each candidate is new. */
    static byte[] candidate() throws Exception {
        Path rules = Candidates.copyOfRules(Files.createTempDirectory("review-candidate"));
        Files.writeString(
                rules.resolve("reference/patterns.yaml"), "# " + UUID.randomUUID() + "\n", StandardOpenOption.APPEND);
        return TestUsers.zip(rules, Path.of("kb-docs"));
    }

    static String propose(String user, String summary) throws Exception {
        return as(user).contentType("application/zip")
                .body(candidate())
                .queryParam("summary", summary)
                .post("/api/v1/knowledge-base/proposals")
                .then()
                .statusCode(201)
                .body("status", equalTo("proposed"))
                .extract()
                .path("version");
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    static String active() {
        return as(ALICE).get("/api/v1/knowledge-base/active").then().extract().path("version");
    }

    static String path(String version, String step) {
        return "/api/v1/knowledge-base/proposals/" + version + "/" + step;
    }

    @Test
    void aCommentAndAnApprovalWithItsCommentJoinTheThreadAndTheListShowsTheLabel() throws Exception {
        Instant start = Instant.now();
        String version = propose(ALICE, "hip-flexor stretch hold 30 s to 45 s");

        as(BOB).contentType("application/json")
                .body(Map.of("text", "Does the older-adult hold change too?"))
                .post(path(version, "comments"))
                .then()
                .statusCode(201)
                .body("author", equalTo(BOB))
                .body("kind", equalTo("comment"));
        as(BOB).contentType("application/json")
                .body(Map.of("comment", "Checked against ACSM: fine."))
                .post(path(version, "approve"))
                .then()
                .statusCode(200)
                .body("approvedBy", equalTo(BOB))
                .body("status", equalTo("approved"))
                .body("activatable", equalTo(true));

        as(ALICE)
                .get("/api/v1/knowledge-base/proposals/" + version)
                .then()
                .statusCode(200)
                .body("comments.kind", equalTo(List.of("comment", "approval")))
                .body(
                        "comments.text",
                        equalTo(List.of("Does the older-adult hold change too?", "Checked against ACSM: fine.")))
                .body("comments.author", equalTo(List.of(BOB, BOB)))
                .body("changes.filesChanged.path", equalTo(List.of("rules/reference/patterns.yaml")));
        String shortHash = version.substring("sha256:".length(), "sha256:".length() + 8);
        as(ALICE)
                .get("/api/v1/knowledge-base/proposals")
                .then()
                .statusCode(200)
                .body("label", everyItem(matchesPattern(LABEL + ".+")))
                .body(
                        "find { it.version == '" + version + "' }.label",
                        matchesPattern(LABEL + ALICE + " · hip-flexor stretch hold 30 s to 45 s"))
                .body("find { it.version == '" + version + "' }.shortVersion", equalTo(shortHash))
                .body("find { it.version == '" + version + "' }.status", equalTo("approved"));
        assertThat(AuditEntries.since(admin(), "kb.commented", start))
                .extracting(e -> e.get("subject"))
                .contains(version);
        assertThat(AuditEntries.since(admin(), "kb.approved", start))
                .extracting(e -> e.get("subject"))
                .contains(version);
    }

    @Test
    void aRejectionNeedsAReasonAndARejectedProposalIsNeitherApprovedNorActivatedUntilProposedAgain() throws Exception {
        Instant start = Instant.now();
        String before = active();
        String version = propose(ALICE, "precaution for recent surgery");

        as(BOB).contentType("application/json")
                .body("{}")
                .post(path(version, "reject"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("/reason")));
        as(BOB).contentType("application/json")
                .body(Map.of("reason", "   "))
                .post(path(version, "reject"))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("/reason")));
        as(BOB).contentType("application/json")
                .body(Map.of("reason", "The scenario for day-3 after surgery is missing."))
                .post(path(version, "reject"))
                .then()
                .statusCode(200)
                .body("status", equalTo("rejected"))
                .body("rejectedBy", equalTo(BOB))
                .body("rejectionReason", equalTo("The scenario for day-3 after surgery is missing."))
                .body("activatable", equalTo(false))
                .body("notActivatableBecause", containsString("Rejected by " + BOB));

        as(ALICE)
                .contentType("application/json")
                .post(path(version, "activate"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:crosscheck:problem:proposal-rejected"));
        as(BOB).contentType("application/json")
                .post(path(version, "approve"))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:crosscheck:problem:proposal-rejected"));
        assertThat(active()).isEqualTo(before);

        as(ALICE)
                .contentType("application/json")
                .body(Map.of("summary", "precaution for recent surgery, with the day-3 scenario"))
                .post(path(version, "repropose"))
                .then()
                .statusCode(200)
                .body("status", equalTo("proposed"))
                .body("rejectedBy", equalTo(null))
                .body("label", containsString("with the day-3 scenario"));
        as(BOB).contentType("application/json")
                .post(path(version, "approve"))
                .then()
                .statusCode(200);
        try {
            as(ALICE)
                    .contentType("application/json")
                    .post(path(version, "activate"))
                    .then()
                    .statusCode(200)
                    .body("accepted", equalTo(true));
            assertThat(active()).isEqualTo(version);
            as(BOB).contentType("application/json")
                    .body(Map.of("reason", "too late"))
                    .post(path(version, "reject"))
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("urn:crosscheck:problem:proposal-active"));
        } finally {
            as(ALICE)
                    .contentType("application/json")
                    .post("/api/v1/knowledge-base/reload?version=" + before)
                    .then()
                    .statusCode(200);
        }
        as(ALICE)
                .get("/api/v1/knowledge-base/proposals/" + version)
                .then()
                .body("status", equalTo("was live"))
                .body("comments.kind", equalTo(List.of("rejection", "reproposal", "approval")));
        assertThat(AuditEntries.since(admin(), "kb.rejected", start))
                .extracting(e -> e.get("subject"))
                .contains(version);
        assertThat(AuditEntries.since(admin(), "kb.reproposed", start))
                .extracting(e -> e.get("subject"))
                .contains(version);
    }

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    private double sandboxChecks(String how) {
        io.micrometer.core.instrument.Counter c = meters.find("crosscheck.authoring.sandbox.checks")
                .tag("how", how)
                .counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void anActivationReusesTheSandboxPassOfItsProposalInsteadOfCheckingTheSameFilesAgain() throws Exception {
        String before = active();
        String version = propose(ALICE, "checked once");
        double checked = sandboxChecks("checked");
        double reused = sandboxChecks("reused");
        as(BOB).contentType("application/json")
                .post(path(version, "approve"))
                .then()
                .statusCode(200);
        try {
            as(ALICE)
                    .contentType("application/json")
                    .post(path(version, "activate"))
                    .then()
                    .statusCode(200)
                    .body("accepted", equalTo(true));
            assertThat(active()).isEqualTo(version);
            assertThat(sandboxChecks("reused")).as("the proposal's pass").isEqualTo(reused + 1);
            assertThat(sandboxChecks("checked")).as("no second sandbox run").isEqualTo(checked);
        } finally {
            as(ALICE)
                    .contentType("application/json")
                    .post("/api/v1/knowledge-base/reload?version=" + before)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void theProposerCannotApproveTheirOwnProposalAndACommentNeedsText() throws Exception {
        String version = propose(ALICE, null);

        as(ALICE)
                .contentType("application/json")
                .body(Map.of("comment", "looks good to me"))
                .post(path(version, "approve"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:crosscheck:problem:approval-by-proposer"));
        as(BOB).contentType("application/json")
                .body(Map.of("text", ""))
                .post(path(version, "comments"))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("/text")));
        as(BOB).contentType("application/json")
                .body(Map.of("text", "x".repeat(4001)))
                .post(path(version, "comments"))
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("/text")));
        as(BOB).contentType("application/json")
                .body(Map.of("text", "hello"))
                .post(path("sha256:0000000000000000", "comments"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(ALICE)
                .get("/api/v1/knowledge-base/proposals/" + version)
                .then()
                .body("approvedBy", equalTo(null))
                .body("status", equalTo("proposed"))
                .body("notActivatableBecause", containsString("approval of an author other than " + ALICE));
    }

    @Test
    void withoutASummaryTheLabelSaysWhatChangedInTheFiles() throws Exception {
        Path rules = Candidates.copyOfRules(Files.createTempDirectory("review-generated"));
        Candidates.edit(
                rules.resolve("reference/thresholds.yaml"),
                t -> t.replace("note: \"Common forward-head cut-off", "note: \"Usual forward-head cut-off"));
        String version = as(ALICE)
                .contentType("application/zip")
                .body(TestUsers.zip(rules, Path.of("kb-docs")))
                .post("/api/v1/knowledge-base/proposals")
                .then()
                .statusCode(201)
                .extract()
                .path("version");

        as(BOB).get("/api/v1/knowledge-base/proposals/" + version)
                .then()
                .body("summary", equalTo(null))
                .body(
                        "label",
                        matchesPattern(LABEL + ALICE + " · thresholds.yaml: cva_forward_head note Common → Usual"))
                .body("changes.from", equalTo(active()))
                .body("changes.rules.changed", equalTo(List.of()))
                .body(
                        "changes.filesChanged[0].hunks[0]",
                        containsString("+      sources: [CVA50, HEIDARY24, OAKLEY24], note: \"Usual forward-head"));
    }

    @Test
    void theWorkingRulesAreProposedValidatedAndStoredButNotLive() {
        String before = active();
        as(ALICE)
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/knowledge-base/proposals/working")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("/summary")));
        as(ALICE)
                .contentType("application/json")
                .body(Map.of("summary", "nothing yet"))
                .post("/api/v1/knowledge-base/proposals/working")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:crosscheck:problem:nothing-to-propose"));
        try {
            ProposalReviewProfile.WORKING.write(
                    "rules/reference/patterns.yaml",
                    ProposalReviewProfile.WORKING.read("rules/reference/patterns.yaml") + "# working "
                            + UUID.randomUUID() + "\n");
            String version = as(ALICE)
                    .contentType("application/json")
                    .body(Map.of("summary", "patterns: a reviewer's note"))
                    .post("/api/v1/knowledge-base/proposals/working")
                    .then()
                    .statusCode(201)
                    .body("proposedBy", equalTo(ALICE))
                    .body(
                            "origin",
                            startsWith(ProposalReviewProfile.WORKING.rules().toString()))
                    .body("status", equalTo("proposed"))
                    .extract()
                    .path("version");
            assertThat(version).isNotEqualTo(before);
            assertThat(active()).as("a proposal is not live").isEqualTo(before);

            ProposalReviewProfile.WORKING.write(
                    "rules/reference/patterns.yaml",
                    ProposalReviewProfile.WORKING.read("rules/reference/patterns.yaml") + "  broken: [\n");
            as(ALICE)
                    .contentType("application/json")
                    .body(Map.of("summary", "a broken change"))
                    .post("/api/v1/knowledge-base/proposals/working")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(startsWith("rules/reference/patterns.yaml:")));
        } finally {
            ProposalReviewProfile.WORKING.reset();
        }
    }

    @Test
    void storedVersionsAndTheActiveVersionCarryTheirLabels() {
        as(ALICE)
                .get("/api/v1/knowledge-base/versions")
                .then()
                .statusCode(200)
                .body("label", everyItem(matchesPattern(LABEL + ".+ · .+")));
        as(ALICE)
                .get("/api/v1/knowledge-base/active")
                .then()
                .body("label", matchesPattern(LABEL + ".+"))
                .body("version", notNullValue());
        as(ALICE).get("/api/v1/knowledge-base").then().body("label", matchesPattern(LABEL + ".+"));
    }
}
