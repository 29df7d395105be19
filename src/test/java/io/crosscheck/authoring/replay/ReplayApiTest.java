package io.crosscheck.authoring.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.oneOf;

import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.BrokenRules;
import io.crosscheck.support.Candidates;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.crosscheck.support.WebSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay API over real HTTP, against screenings stored through the screening API. */
@QuarkusTest
class ReplayApiTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @org.junit.jupiter.api.BeforeAll
    static void signIn() {
        io.crosscheck.support.TestUsers.signInAsTester();
    }

    static final String PROBLEM = "application/problem+json";
    static final String REPLAYS = "/api/v1/knowledge-base/replays";

    @TempDir
    Path tmp;

    @Test
    void aReplayReportsWhatTheCandidateWouldChangeAndLeavesStoredScreeningsUntouched() throws Exception {
        String ref = "replay-api-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        // three distinct lower-crossed findings: consistent now, partial under a minimum of four
        ids.add(screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref)));
        ids.add(screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS.replace("pseudo-0001", ref)));
        // four distinct findings (knee hyperextension; lordosis would count once with the tilt): consistent under both
        ids.add(
                screen(
                        Requests.ARTICLE_DESK_WORKER
                                .replace("pseudo-0001", ref)
                                .replace(
                                        "{ \"code\": \"anterior_pelvic_tilt\", \"present\": true }",
                                        "{ \"code\": \"anterior_pelvic_tilt\", \"present\": true }, { \"code\": \"knee_hyperextension\", \"side\": \"bilateral\", \"present\": true }")));
        List<Map<String, Object>> before =
                ids.stream().map(ReplayApiTest::stored).toList();
        Path candidate = Candidates.withLcsConsistentMinFindings(tmp, 4);

        Response accepted = given().contentType("application/zip")
                .body(TestUsers.zip(candidate, null))
                .queryParam("clientRef", ref)
                .post(REPLAYS)
                .then()
                .statusCode(202)
                .header("Location", containsString(REPLAYS + "/"))
                .body("state", oneOf("running", "done"))
                .body("filter.clientRef", equalTo(ref))
                .extract()
                .response();
        String location = accepted.header("Location");
        assertThat(location).endsWith(accepted.path("id").toString());

        JsonPath job = awaitDone(location);
        assertThat(job.getString("state")).isEqualTo("done");
        assertThat(job.getLong("processed")).isEqualTo(3);
        assertThat(job.getLong("total")).isEqualTo(3);
        assertThat(job.getInt("report.screenings.evaluated")).isEqualTo(3);
        assertThat(job.getInt("report.screenings.changed")).isEqualTo(2);
        assertThat(job.getInt("report.screenings.unchanged")).isEqualTo(1);
        assertThat(job.getInt("report.screenings.failed")).isZero();
        assertThat(job.getInt("report.screenings.changes.'LCS consistent->partial'.count"))
                .isEqualTo(2);
        assertThat(job.getList("report.screenings.changes.'LCS consistent->partial'.examples", String.class))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        // only the client without red flags gets exercise, so only that one loses deep abdominal training
        assertThat(job.getList(
                        "report.screenings.changes.'intervention removed deep_abdominal_training'.examples",
                        String.class))
                .containsExactly(ids.get(0));
        assertThat(job.getString("report.knowledgeBases.current.version"))
                .startsWith("sha256:")
                .isNotEqualTo(job.getString("report.knowledgeBases.candidate.version"));
        assertThat(job.getList("report.scenarioExpectationsNotMet", String.class))
                .anyMatch(f -> f.contains("article-desk-worker.yaml: pattern LCS: expected consistent, got partial"));

        given().get(location + "/report.txt")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("Stored screenings: 3 evaluated, 2 changed, 1 unchanged, 0 failed to evaluate"))
                .body(containsString("      2  LCS consistent->partial"));

        List<Map<String, Object>> after =
                ids.stream().map(ReplayApiTest::stored).toList();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theTimeRangeSelectsWhichStoredScreeningsAreReplayed() {
        String ref = "replay-range-" + UUID.randomUUID().toString().substring(0, 8);
        screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref));
        Instant between = Instant.now();
        screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref));
        Path candidate = Candidates.withLcsConsistentMinFindings(tmp, 4);

        String onlyLater = given().contentType("application/zip")
                .body(TestUsers.zip(candidate, null))
                .queryParam("clientRef", ref)
                .queryParam("from", between.toString())
                .post(REPLAYS)
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        assertThat(awaitDone(onlyLater).getInt("report.screenings.evaluated")).isEqualTo(1);

        String none = given().contentType("application/zip")
                .body(TestUsers.zip(candidate, null))
                .queryParam("clientRef", ref)
                .queryParam("to", "2001-01-01T00:00:00Z")
                .post(REPLAYS)
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        JsonPath job = awaitDone(none);
        assertThat(job.getInt("report.screenings.evaluated")).isZero();
        assertThat(job.getLong("total")).isZero();
    }

    @Test
    void aMissingOrUnknownCandidateOrAServerPathOrAnInvertedTimeRangeIs422NamingTheField() {
        String current = given().get("/api/v1/knowledge-base").then().extract().path("version");
        given().contentType(ContentType.JSON)
                .body("{}")
                .post(REPLAYS)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("title", equalTo("Invalid request"))
                .body("errors.field", equalTo(List.of("/candidateVersion")));
        given().contentType(ContentType.JSON)
                .body(Map.of("candidateVersion", "sha256:0123456789abcdef"))
                .post(REPLAYS)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("/candidateVersion"))
                .body("errors[0].message", containsString("no such knowledge-base version"));
        // a server path is not a parameter at all: the server never reads a directory a client names
        given().contentType(ContentType.JSON)
                .body(Map.of("candidateRulesDir", "/etc"))
                .post(REPLAYS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("/candidateRulesDir"));
        given().contentType(ContentType.JSON)
                .body(Map.of("candidateVersion", current, "from", "2025-02-01T00:00:00Z", "to", "2025-01-01T00:00:00Z"))
                .post(REPLAYS)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItems("/from"))
                .body("errors.find { it.field == '/from' }.message", containsString("must be before to"));
        given().contentType(ContentType.JSON)
                .body(Map.of("candidateVersion", "/etc", "to", "yesterday", "clientRef", "Jane Doe"))
                .post(REPLAYS)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItems("/candidateVersion", "/to", "/clientRef"))
                .body("errors.find { it.field == '/to' }.rejectedValue", equalTo("yesterday"));
        given().contentType("application/zip")
                .body(TestUsers.zip(Map.of("../rules/x.drl", "x")))
                .post(REPLAYS)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("/archive"));
    }

    @Test
    void aStoredVersionFromTheRegistryIsACandidate() {
        String current = given().get("/api/v1/knowledge-base").then().extract().path("version");
        String location = given().contentType(ContentType.JSON)
                .body(Map.of("candidateVersion", current, "clientRef", "nobody-here"))
                .post(REPLAYS)
                .then()
                .statusCode(202)
                .body("candidate", equalTo("registry:" + current))
                .extract()
                .header("Location");
        assertThat(awaitDone(location).getString("state")).isEqualTo("done");
    }

    @Test
    void aCandidateThatDoesNotCompileIs422WithFileLineAndColumn() throws Exception {
        Path rules = Candidates.copyOfRules(tmp);
        Files.writeString(rules.resolve("plan/broken.drl"), BrokenRules.SYNTAX_ERROR_AT_LINE_6);
        given().contentType("application/zip")
                .body(TestUsers.zip(rules, null))
                .post(REPLAYS)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("/candidate"))
                .body("errors[0].message", matchesPattern("rules/plan/broken\\.drl:6:\\d+: .+"));
    }

    @Test
    void aRejectedCandidateIsAuditedWithItsHashAndProblemCountButNoText() throws Exception {
        Path rules = Candidates.copyOfRules(tmp);
        Files.writeString(rules.resolve("plan/broken.drl"), BrokenRules.SYNTAX_ERROR_AT_LINE_6);
        Instant start = Instant.now();
        given().contentType("application/zip")
                .body(TestUsers.zip(rules, null))
                .post(REPLAYS)
                .then()
                .statusCode(422);

        List<Map<String, Object>> entries = AuditEntries.since("kb.replay.rejected", start);
        assertThat(entries)
                .as("a rejected replay candidate leaves an audit entry")
                .hasSize(1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry.get("actor")).isEqualTo(TestUsers.ADMIN);
        assertThat((String) entry.get("subject")).matches("sha256:[0-9a-f]{16}");
        assertThat((String) entry.get("detail")).matches("replay: [1-9]\\d* problem\\(s\\)");
        assertThat(entry.toString()).doesNotContain("BRK-001").doesNotContain("broken");
    }

    /**
     * Issue 22: a replay's candidate is compiled and run in a process of its own (docs/adr/0007). The service
     * caches every module it compiles (kb_compiled, by content hash): a candidate with rules of its own that
     * leaves no module there was never compiled in the service, yet its replay reports its effect.
     */
    @Test
    void aReplayedCandidateRunsInAProcessOfItsOwnAndIsNeverCompiledInTheService() throws Exception {
        String ref = "replay-own-" + UUID.randomUUID().toString().substring(0, 8);
        String id = screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref));
        Path candidate = Candidates.withLcsConsistentMinFindings(tmp, 4);
        try (var drl = Files.list(candidate.resolve("patterns"))) {
            Path rule =
                    drl.filter(p -> p.toString().endsWith(".drl")).findFirst().orElseThrow();
            Files.writeString(rule, Files.readString(rule) + "\n// candidate " + ref + "\n");
        }

        String location = given().contentType("application/zip")
                .body(TestUsers.zip(candidate, null))
                .queryParam("clientRef", ref)
                .post(REPLAYS)
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        JsonPath job = awaitDone(location);
        assertThat(job.getString("state")).isEqualTo("done");
        assertThat(job.getList("report.screenings.changes.'LCS consistent->partial'.examples", String.class))
                .containsExactly(id);
        assertThat(job.getString("report.filter.clientRef")).isEqualTo(ref);

        String version = job.getString("report.knowledgeBases.candidate.version");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from kb_compiled where kb_version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("modules the service compiled for " + version)
                        .isZero();
            }
        }
    }

    /**
     * Issue 24: a replay's example screenings are named by client reference and date, and linked, for a clinician
     * who may open them; an author without the physio role sees ids only, no link that would answer 403.
     */
    @Test
    void theReplayPageNamesExamplesByClientAndDateOnlyForThoseWhoMayOpenThem() throws Exception {
        String clinic = "replay-page-" + UUID.randomUUID().toString().substring(0, 6);
        TestUsers.ensureUser("rp-author-" + clinic, "replay-author-pw-1", List.of("author"), clinic);
        TestUsers.ensureUser("rp-physio-" + clinic, "replay-physio-pw-1", List.of("author", "physio"), clinic);
        String ref = "replay-page-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth()
                .preemptive()
                .basic("rp-physio-" + clinic, "replay-physio-pw-1")
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String location = given().auth()
                .preemptive()
                .basic("rp-physio-" + clinic, "replay-physio-pw-1")
                .contentType("application/zip")
                .body(TestUsers.zip(Candidates.withLcsConsistentMinFindings(tmp, 4), null))
                .post(REPLAYS)
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        String replayId = location.substring(location.lastIndexOf('/') + 1);
        await("replay " + replayId)
                .atMost(Duration.ofMinutes(5))
                .until(() -> "done"
                        .equals(given().auth()
                                .preemptive()
                                .basic("rp-author-" + clinic, "replay-author-pw-1")
                                .get(location)
                                .path("state")));

        String forAuthor = page(WebSignIn.session("rp-author-" + clinic, "replay-author-pw-1"), replayId);
        assertThat(forAuthor).contains(id.substring(0, 8)).doesNotContain(ref).doesNotContain("/ui/screenings/" + id);

        String forPhysio = page(WebSignIn.session("rp-physio-" + clinic, "replay-physio-pw-1"), replayId);
        assertThat(forPhysio)
                .contains("<a href=\"/ui/screenings/" + id + "\">" + ref + ", "
                        + Instant.now().toString().substring(0, 4))
                .contains(
                        "lower-crossed syndrome: findings consistent with the pattern becomes findings partly consistent");
    }

    private static String page(String session, String replayId) {
        return given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .get("/ui/kb/replays/" + replayId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void malformedBodiesAre400AndUnknownReplaysAre404() {
        given().contentType(ContentType.JSON)
                .body("{\"candidateVersion\": \"sha256:0123456789abcdef\", \"dryRun\": true}")
                .post(REPLAYS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("/dryRun"));
        given().contentType(ContentType.JSON)
                .body("{\"candidateVersion\": ")
                .post(REPLAYS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].message", containsString("malformed JSON"));
        given().get(REPLAYS + "/no-such-replay")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", is(404));
        given().get(REPLAYS + "/no-such-replay/report.txt")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    private static String screen(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> stored(String id) {
        return new JsonPath(given().get("/api/v1/screenings/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getMap("$");
    }

    private static JsonPath awaitDone(String location) {
        JsonPath job = await("replay " + location + " finished")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofMinutes(2))
                .until(
                        () -> new JsonPath(given().get(location)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()),
                        j -> !"running".equals(j.getString("state")));
        assertThat(job.getString("error")).as("replay error").isNull();
        return job;
    }
}
