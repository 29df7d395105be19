package io.crosscheck.authoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.Candidates;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.PackagedJar;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, "one source of truth for what is live", against the packaged jar restarted on the same H2 file: a
 * starting node serves the active version recorded in the database; its rules directory is a candidate that goes
 * through validation (and approval, where required), never straight to live; a restart alone changes nothing (an
 * API roll back stays rolled back); a first start with a failing rules directory refuses to start.
 *
 * <p>Each test restarts the jar on an H2 file of its own (a fresh database per test, kept across its restarts), so
 * it runs on the H2 leg only (tag {@code h2-server}); the tables it reads at a start ({@code kb_active},
 * {@code kb_rules_dir}, proposals) are exercised on PostgreSQL by the API tests of the PostgreSQL leg.
 */
@Tag("h2-server")
class LiveVersionAfterRestartIT {

    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : started) {
            stop(p);
        }
    }

    @Test
    void aRestartWithAnUnapprovedRulesDirectoryKeepsServingTheActiveVersionAndStoresItAsAProposal() throws Exception {
        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        Node first = start(kb, "first", true);
        String active = first.servingVersion();
        stop(first.process());

        // a change that passes validation but was never approved
        kb.write("rules/reference/patterns.yaml", kb.read("rules/reference/patterns.yaml") + "# not approved\n");
        Node second = start(kb, "second", true);
        JsonPath current = second.api()
                .get("/api/v1/knowledge-base")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(current.getString("version"))
                .as("the active version keeps serving")
                .isEqualTo(active);
        assertThat(current.getBoolean("approvalRequired")).isTrue();
        Map<String, Object> rejected = startupLoad(current, "rejected");
        String unapproved = (String) rejected.get("version");
        assertThat(unapproved).isNotEqualTo(active);
        assertThat(rejected.get("problems").toString()).contains("no approval", "stored as a proposal");
        assertThat(second.screeningVersion()).isEqualTo(active);

        // stored as a proposal of "startup": an author approves it and activates it
        second.api()
                .get("/api/v1/knowledge-base/proposals/" + unapproved)
                .then()
                .statusCode(200)
                .body("proposedBy", equalTo("startup"))
                .body("activatable", equalTo(false));
        second.api()
                .contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/proposals/" + unapproved + "/approve")
                .then()
                .statusCode(200);
        second.api()
                .contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/proposals/" + unapproved + "/activate")
                .then()
                .statusCode(200)
                .body("version", equalTo(unapproved));
        assertThat(second.screeningVersion()).isEqualTo(unapproved);
    }

    @Test
    void aRestartWithAFailingRulesDirectoryKeepsServingTheActiveVersionAndRecordsTheRejectionWithItsProblems()
            throws Exception {
        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        Node first = start(kb, "first", false);
        String active = first.servingVersion();
        stop(first.process());

        breakAScenario(kb);
        Node second = start(kb, "second", false);
        JsonPath current = second.api()
                .get("/api/v1/knowledge-base")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(current.getString("version")).isEqualTo(active);
        Map<String, Object> rejected = startupLoad(current, "rejected");
        assertThat(rejected.get("version")).isNotEqualTo(active);
        assertThat(rejected.get("problems").toString())
                .contains("rules/scenarios/boundary-cva-50-not-forward-head.yaml:1:1:");
        assertThat(second.screeningVersion()).isEqualTo(active);
        assertThat(Files.readString(second.log()))
                .contains("was rejected at start-up", active + " keeps serving")
                .doesNotContain("pseudo-0001");
    }

    @Test
    void aRestartAfterAnApiRollBackStillServesTheRolledBackVersion() throws Exception {
        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        Node first = start(kb, "first", false);
        String shipped = first.servingVersion();
        stop(first.process());

        // an edited rules directory passes at the next start and goes live (approval is not required here)
        io.crosscheck.support.Candidates.hipFlexorHold(kb.rules(), kb.docs(), "20-30", "20 to 30");
        Node second = start(kb, "second", false);
        String edited = second.servingVersion();
        assertThat(edited).isNotEqualTo(shipped);
        assertThat(startupLoad(
                                second.api()
                                        .get("/api/v1/knowledge-base")
                                        .then()
                                        .extract()
                                        .jsonPath(),
                                "accepted")
                        .get("version"))
                .isEqualTo(edited);

        second.api()
                .contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/reload?version=" + shipped)
                .then()
                .statusCode(200)
                .body("version", equalTo(shipped));
        stop(second.process());

        Node third = start(kb, "third", false);
        assertThat(third.servingVersion())
                .as("the roll back survives the restart")
                .isEqualTo(shipped);
        assertThat(third.screeningVersion()).isEqualTo(shipped);
        assertThat(Files.readString(third.log())).contains("unchanged since it was read");
    }

    @Test
    void aRestartAfterTheWorkingRulesWereProposedActivatedAndRevertedStillServesTheRevert() throws Exception {
        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        Node first = start(kb, "proposer", false);
        String shipped = first.servingVersion();

        // the author edits the working rules, proposes them and puts the proposal live ...
        io.crosscheck.support.Candidates.hipFlexorHold(kb.rules(), kb.docs(), "20-30", "20 to 30");
        String proposed = first.api()
                .contentType(ContentType.JSON)
                .body("{\"summary\": \"hip-flexor stretch hold 20-30 s\"}")
                .post("/api/v1/knowledge-base/proposals/working")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
        first.api()
                .contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/proposals/" + proposed + "/activate")
                .then()
                .statusCode(200);
        // ... then takes it out again by reverting it; the working rules still hold the proposed change
        first.api()
                .contentType(ContentType.JSON)
                .body("{\"emergency\": true, \"reason\": \"the hold is under review\"}")
                .post("/api/v1/knowledge-base/versions/" + proposed + "/revert")
                .then()
                .statusCode(200)
                .body("version", equalTo(shipped));
        stop(first.process());

        Node second = start(kb, "after-revert", false);
        assertThat(second.servingVersion())
                .as("the proposed directory was read when it was proposed: a restart does not offer it again")
                .isEqualTo(shipped);
        assertThat(Files.readString(second.log())).contains("unchanged since it was read");
    }

    @Test
    void aFirstStartWithAFailingRulesDirectoryRefusesToStartAndNamesTheProblems() throws Exception {
        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        breakAScenario(kb);
        Path log = tmp.resolve("failing-first.log");
        Process p = launch(kb, "failing-first", false, PackagedJar.freePort(), log);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the process exits").isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(Files.readString(log))
                .contains("fails validation: nothing to serve")
                .containsPattern("rules/scenarios/boundary-cva-50-not-forward-head\\.yaml:1:1: ");
    }

    /** The 50-degree boundary scenario now expects what the rules do not conclude: the suite fails. */
    private static void breakAScenario(KnowledgeBaseCopy kb) {
        Candidates.edit(
                kb.rules().resolve("scenarios/boundary-cva-50-not-forward-head.yaml"),
                t -> t.replace("patterns: { UCS: partial }", "patterns: { UCS: consistent }"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> startupLoad(JsonPath current, String outcome) {
        List<Map<String, Object>> loads = current.getList("recentLoads");
        return loads.stream()
                .filter(l -> "startup".equals(l.get("by")) && outcome.equals(l.get("outcome")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + outcome + " start-up load in " + loads));
    }

    private record Node(Process process, int port, Path log) {
        RequestSpecification api() {
            return given().baseUri("http://127.0.0.1")
                    .port(port)
                    .auth()
                    .preemptive()
                    .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        }

        String servingVersion() {
            return api().get("/api/v1/knowledge-base/active")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("servingHere");
        }

        String screeningVersion() {
            return api().contentType(ContentType.JSON)
                    .body(Requests.ARTICLE_DESK_WORKER)
                    .post("/api/v1/screenings")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("knowledgeBase.version");
        }
    }

    private Node start(KnowledgeBaseCopy kb, String name, boolean approval) throws Exception {
        int port = PackagedJar.freePort();
        Path log = tmp.resolve(name + ".log");
        Process p = launch(kb, name, approval, port, log);
        PackagedJar.awaitReady(p, http, port, log, Duration.ofSeconds(180));
        return new Node(p, port, log);
    }

    private Process launch(KnowledgeBaseCopy kb, String name, boolean approval, int port, Path log) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(tmp.resolve("home"));
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + tmp.resolve("home"),
                "-Dquarkus.http.port=" + port,
                // one database file for every start of a test: what a restart finds
                "-Dcrosscheck.jdbc-url=jdbc:h2:file:" + work.resolve("data/crosscheck") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dcrosscheck.security.initial-admin.roles=admin,author,physio",
                "-Dcrosscheck.knowledge.rules-dir=" + kb.rules(),
                "-Dcrosscheck.knowledge.docs-dir=" + kb.docs(),
                "-Dcrosscheck.cluster.require-approval=" + approval,
                "-jar",
                JAR.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("CROSSCHECK_CLUSTER");
        pb.environment().remove("CROSSCHECK_REQUIRE_APPROVAL");
        pb.environment().put("CROSSCHECK_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static void stop(Process p) throws InterruptedException {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}
