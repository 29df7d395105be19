package io.crosscheck.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.BrokenRules;
import io.crosscheck.support.Candidates;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One node in cluster mode with approval required: the authoring workflow (propose, a second author
 * approves, activate, roll back, diff), following an activation that another node wrote to the
 * database, and replay jobs kept in the database (a job whose node stopped is marked failed).
 */
@QuarkusTest
@TestProfile(ClusterModeTest.Cluster.class)
class ClusterModeTest {

    private static final String PASSWORD = "cluster-author-password";

    /** Cluster mode, approval required, quick polls and heartbeats. */
    public static class Cluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "crosscheck.cluster.enabled",
                    "true",
                    "crosscheck.cluster.require-approval",
                    "true",
                    "crosscheck.cluster.poll-interval",
                    "100MS",
                    "crosscheck.replay.stale-after",
                    "1S",
                    "crosscheck.replay.heartbeat-interval",
                    "100MS");
        }
    }

    @Inject
    DataSource dataSource;

    static boolean created;

    /** Per test, not @BeforeAll: RestAssured has the test port only once Quarkus started for the test. */
    @BeforeEach
    void authors() {
        if (created) {
            return;
        }
        created = true;
        TestUsers.ensureUser("cluster-alice", PASSWORD, List.of("author", "physio"), "default");
        TestUsers.ensureUser("cluster-bob", PASSWORD, List.of("author"), "default");
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    private static byte[] candidate(String comment) throws Exception {
        Path rules = Candidates.copyOfRules(Files.createTempDirectory("cluster-candidate"));
        Files.writeString(rules.resolve("reference/patterns.yaml"), "# " + comment + "\n", StandardOpenOption.APPEND);
        return TestUsers.zip(rules, Path.of("kb-docs"));
    }

    private static String serving() {
        return as("cluster-alice")
                .get("/api/v1/knowledge-base/active")
                .then()
                .statusCode(200)
                .extract()
                .path("servingHere");
    }

    @Test
    void aNewVersionGoesLiveOnlyAfterAnotherAuthorApprovedItAndTheDiffShowsWhatChanged() throws Exception {
        String before = serving();
        byte[] zip = candidate("proposed by alice " + UUID.randomUUID());
        String version = as("cluster-alice")
                .contentType("application/zip")
                .body(zip)
                .post("/api/v1/knowledge-base/proposals")
                .then()
                .statusCode(201)
                .body("proposedBy", equalTo("cluster-alice"))
                .body("approvalRequired", equalTo(true))
                .body("activatable", equalTo(false))
                .extract()
                .path("version");
        assertThat(serving()).as("a proposal is not live").isEqualTo(before);

        as("cluster-alice")
                .contentType("application/json") // a body-less POST: no form content type (415)
                .post("/api/v1/knowledge-base/proposals/" + version + "/activate")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("approval"));
        as("cluster-alice")
                .contentType("application/json") // a body-less POST: no form content type (415)
                .post("/api/v1/knowledge-base/proposals/" + version + "/approve")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // nor can the same content go live by the reload door
        as("cluster-alice")
                .contentType("application/zip")
                .body(zip)
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(422)
                .body("errors.message", hasItem(containsString("no approval")));

        as("cluster-bob")
                .contentType("application/json") // a body-less POST: no form content type (415)
                .post("/api/v1/knowledge-base/proposals/" + version + "/approve")
                .then()
                .statusCode(200)
                .body("approvedBy", equalTo("cluster-bob"))
                .body("activatable", equalTo(true));
        long generation = as("cluster-alice")
                .get("/api/v1/knowledge-base/active")
                .then()
                .extract()
                .<Number>path("generation")
                .longValue();
        as("cluster-alice")
                .contentType("application/json") // a body-less POST: no form content type (415)
                .post("/api/v1/knowledge-base/proposals/" + version + "/activate")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(true))
                .body("version", equalTo(version));
        as("cluster-alice")
                .get("/api/v1/knowledge-base/active")
                .then()
                .body("version", equalTo(version))
                .body("servingHere", equalTo(version))
                .body("activatedBy", equalTo("cluster-alice"))
                .body("generation", equalTo((int) generation + 1));
        as("cluster-alice")
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .body("knowledgeBase.version", equalTo(version));

        as("cluster-bob")
                .get("/api/v1/knowledge-base/diff?from=" + before + "&to=" + version)
                .then()
                .statusCode(200)
                .body("added", equalTo(List.of()))
                .body("removed", equalTo(List.of()))
                .body("changed.path", equalTo(List.of("rules/reference/patterns.yaml")))
                .body("changed[0].hunks[0]", containsString("+# proposed by alice"));
        as("cluster-bob")
                .get("/api/v1/knowledge-base/diff?from=" + before + "&to=sha256:nope")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("to")));

        // rolling back to a version that was live before needs no new approval
        as("cluster-bob")
                .contentType("application/json") // a body-less POST: no form content type (415)
                .post("/api/v1/knowledge-base/reload?version=" + before)
                .then()
                .statusCode(200)
                .body("version", equalTo(before));
        assertThat(serving()).isEqualTo(before);
    }

    @Test
    void aRejectedProposalIsAuditedWithItsAuthorHashAndProblemCountButNoText() throws Exception {
        Path rules = Candidates.copyOfRules(Files.createTempDirectory("cluster-rejected"));
        Files.writeString(rules.resolve("plan/broken.drl"), BrokenRules.SYNTAX_ERROR_AT_LINE_6);
        Instant start = Instant.now();
        as("cluster-alice")
                .contentType("application/zip")
                .body(TestUsers.zip(rules, Path.of("kb-docs")))
                .post("/api/v1/knowledge-base/proposals")
                .then()
                .statusCode(422);

        List<Map<String, Object>> entries = AuditEntries.since(
                given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD),
                "kb.proposal.rejected",
                start);
        assertThat(entries).as("a rejected proposal leaves an audit entry").hasSize(1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry.get("actor")).isEqualTo("cluster-alice");
        assertThat((String) entry.get("subject")).matches("sha256:[0-9a-f]{16}");
        assertThat((String) entry.get("detail")).matches("proposal: [1-9]\\d* problem\\(s\\)");
        assertThat(entry.toString()).doesNotContain("BRK-001").doesNotContain("broken");
    }

    @Test
    void aVersionAnotherNodeActivatedIsServedHereWithinAFewPolls() throws Exception {
        String before = serving();
        String version = as("cluster-alice")
                .contentType("application/zip")
                .body(candidate("for another node " + UUID.randomUUID()))
                .post("/api/v1/knowledge-base/proposals")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
        as("cluster-bob")
                .contentType("application/json") // a body-less POST: no form content type (415)
                .post("/api/v1/knowledge-base/proposals/" + version + "/approve")
                .then()
                .statusCode(200);
        // what another node's activation writes: the one row of kb_active, one generation on
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("update kb_active set version = ?, generation = generation + 1, "
                                + "activated_at = ?, activated_by = 'another-node' where id = 1")) {
            ps.setString(1, version);
            ps.setObject(2, Instant.now().atOffset(ZoneOffset.UTC));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        await("this node follows the activation")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .atMost(Duration.ofSeconds(60))
                .until(ClusterModeTest::serving, version::equals);
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/q/health/ready")
                .then()
                .statusCode(200);
        as("cluster-alice")
                .contentType("application/json") // a body-less POST: no form content type (415)
                .post("/api/v1/knowledge-base/reload?version=" + before)
                .then()
                .statusCode(200);
    }

    @Test
    void aReplayIsKeptInTheDatabaseAndOneWhoseNodeStoppedIsMarkedFailedNotLeftRunning() throws Exception {
        as("cluster-alice")
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        String current = serving();
        String id = as("cluster-alice")
                .contentType(ContentType.JSON)
                .body("{\"candidateVersion\": \"" + current + "\"}")
                .post("/api/v1/knowledge-base/replays")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        // the candidate is first validated in a process of its own (ADR 0007), then replayed over every screening the
        // suite has stored so far: minutes on a loaded 2-core machine
        await("the replay done")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(300))
                .until(
                        () -> as("cluster-alice")
                                .get("/api/v1/knowledge-base/replays/" + id)
                                .then()
                                .extract()
                                .path("state"),
                        "done"::equals);
        as("cluster-alice")
                .get("/api/v1/knowledge-base/replays/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("done"))
                .body("report.screenings.changed", equalTo(0))
                .body("error", nullValue());
        as("cluster-alice")
                .get("/api/v1/knowledge-base/replays/" + id + "/report.txt")
                .then()
                .statusCode(200);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select node, report_json is not null from replay_job where id = ?")) {
            ps.setString(1, id);
            var rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(2)).as("the report is stored").isTrue();
        }

        // a job another node was running when it died: running, its last heartbeat long ago
        String orphan = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into replay_job (id, clinic_id, state, processed, total, started_at, "
                                + "candidate, candidate_version, filter_json, node, heartbeat_at) values (?, 'default', 'running', 7, 40, ?, "
                                + "'registry:x', ?, '{}', 'node-that-died', ?)")) {
            Instant longAgo = Instant.now().minusSeconds(120);
            ps.setString(1, orphan);
            ps.setObject(2, longAgo.atOffset(ZoneOffset.UTC));
            ps.setString(3, current);
            ps.setObject(4, longAgo.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
        await("the orphaned replay no longer running")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> as("cluster-alice")
                                .get("/api/v1/knowledge-base/replays/" + orphan)
                                .then()
                                .extract()
                                .<String>path("state"),
                        state -> !"running".equals(state));
        as("cluster-alice")
                .get("/api/v1/knowledge-base/replays/" + orphan)
                .then()
                .statusCode(200)
                .body("state", equalTo("failed"))
                .body("processed", equalTo(7))
                .body("error", containsString("node running this replay stopped"));
        as("cluster-alice")
                .get("/api/v1/knowledge-base/replays/" + orphan + "/report.txt")
                .then()
                .statusCode(409);
    }
}
