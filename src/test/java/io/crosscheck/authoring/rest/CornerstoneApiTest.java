package io.crosscheck.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.crosscheck.authoring.cornerstone.Cornerstone;
import io.crosscheck.authoring.scenario.Scenario;
import io.crosscheck.authoring.scenario.ScenarioOutcome;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.Candidates;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cornerstone cases over the API, approval not required (the second-author case is {@code
 * CornerstoneSecondAuthorApiTest}): a physiotherapist's disagreement promoted into a pseudonymised case, exported as a
 * scenario the scenario runner loads and passes, a later threshold change that alters it held back (proposal, reload)
 * with the side by side, then accepted (audited), activated, and its conclusion the expected one from then on.
 */
@QuarkusTest
class CornerstoneApiTest {

    static final String CORNERSTONES = "/api/v1/knowledge-base/cornerstones";
    /** Free text and a reference that must not reach a cornerstone. */
    static final String CLIENT_REF = "cs-client-4711";

    static final String COMMENT = "Mrs Example of 12 Harbour Road said her neck felt fine";
    static final String ACTIVITY = "carrying shopping to Harbour Road";

    @Inject
    ScenarioSuite suite;

    @Inject
    KnowledgeBaseService knowledgeBases;

    private String original;
    private final List<String> promoted = new ArrayList<>();

    @BeforeEach
    void signIn() {
        TestUsers.signInAsTester();
        original = serving();
    }

    /** Retires the cases made here (so no later test's candidate is held back by them) and serves the original again. */
    @AfterEach
    void restore() {
        for (String id : promoted) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("reason", "test over"))
                    .post(CORNERSTONES + "/" + id + "/retire");
        }
        if (!serving().equals(original)) {
            given().contentType(ContentType.JSON)
                    .post("/api/v1/knowledge-base/reload?version=" + original)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void aPromotedDisagreementKeepsTheFactsButNoClientReferenceFreeTextScreeningIdOrExactDate() {
        String first = screen(Requests.FORWARD_HEAD_CVA_49.replace("pseudo-0001", CLIENT_REF));
        // a follow-up of the same client: the server adds the previous visit (its screening id and date); the client
        // names an activity (free text) and is 93
        String followUp = screen(Requests.FORWARD_HEAD_CVA_49
                .replace("pseudo-0001", CLIENT_REF)
                .replace("\"age\": 34", "\"age\": 93")
                .replace(
                        "\"redFlags\": [",
                        "\"outcomes\": [{\"measure\": \"psfs\", \"items\": [4], \"activities\": [\"" + ACTIVITY
                                + "\"]}],\n  \"redFlags\": ["));
        String disagreement = disagree(followUp, "UCS-001", "partial: the angle was measured in slumped sitting");

        JsonPath cs = promote(Map.of("disagreement", disagreement, "reason", "Slumped sitting inflates forward head"))
                .then()
                .statusCode(201)
                .header("Location", containsString(CORNERSTONES + "/"))
                .body("origin", equalTo("disagreement"))
                .body("originId", equalTo(disagreement))
                .body("rules", equalTo(List.of("UCS-001")))
                .body("expected", equalTo("partial: the angle was measured in slumped sitting"))
                .body("decidedBy", equalTo(TestUsers.ADMIN))
                .body("decidedIn", equalTo(Instant.now().toString().substring(0, 7)))
                .body("promotedBy", equalTo(TestUsers.ADMIN))
                .body("reason", equalTo("Slumped sitting inflates forward head"))
                .body("status", equalTo("kept"))
                .body("kbVersion", equalTo(original))
                .body("conclusion.patterns.UCS", equalTo("consistent"))
                .body("fired", hasItem("UCS-001"))
                .body("request.clientRef", equalTo("cornerstone"))
                .body("request.client.age", equalTo(90))
                .body("request.outcomes[0].activities", equalTo(List.of("activity 1")))
                .body("request.outcomes[0].items", equalTo(List.of(4.0f)))
                .body("request.followUp.previous.screeningId", equalTo(null))
                .body(
                        "request.followUp.previous.date",
                        equalTo(Instant.now().toString().substring(0, 4) + "-01-01"))
                .body("request.observations.code", hasItem("craniovertebral_angle"))
                .extract()
                .jsonPath();
        String id = cs.getString("id");
        promoted.add(id);

        String stored = QuarkusTransaction.requiringNew().call(() -> {
            Cornerstone c = Cornerstone.findById(UUID.fromString(id));
            return c.requestJson + c.expected + c.reason + c.decidedBy + c.decidedIn + c.conclusionJson;
        });
        assertThat(stored)
                .doesNotContain(CLIENT_REF)
                .doesNotContain(first)
                .doesNotContain(followUp)
                .doesNotContain("Harbour")
                .doesNotContain("Mrs Example")
                .doesNotContain(Instant.now().toString().substring(0, 10));
        assertThat(given().get(CORNERSTONES + "/" + id).asString())
                .doesNotContain(CLIENT_REF)
                .doesNotContain("Harbour");

        promote(Map.of("disagreement", disagreement, "reason", "again"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:crosscheck:problem:cornerstone-exists"));
        assertThat(AuditEntries.since("kb.cornerstone.promoted", Instant.now().minusSeconds(60)))
                .extracting(e -> e.get("subject"))
                .contains(id);
    }

    @Test
    void aPromotionNamingNoRecordWithoutAReasonIsA422NamingEveryBadFieldAndStoresNothing() {
        long before = count();
        promote(Map.of("expected", "x".repeat(501)))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("/disagreement", "/reason", "/expected"));
        promote(Map.of(
                        "disagreement",
                        UUID.randomUUID().toString(),
                        "override",
                        UUID.randomUUID().toString()))
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("/disagreement", "/reason"));
        promote(Map.of("disagreement", UUID.randomUUID().toString(), "reason", "no such record"))
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("/disagreement")));
        promote(Map.of("override", "not-a-uuid", "reason", "no such record"))
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("/override")));
        given().contentType(ContentType.JSON)
                .body("{\"disagreement\": \"x\", \"colour\": \"red\"}")
                .post(CORNERSTONES)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("/colour"));
        promote(Map.of("disagreement", UUID.randomUUID().toString(), "reason", "right-to-left \u202e override"))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("/reason")));
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "gone"))
                .post(CORNERSTONES + "/" + UUID.randomUUID() + "/retire")
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("version", "sha256:0000000000000000", "reason", "none"))
                .post(CORNERSTONES + "/" + UUID.randomUUID() + "/accept")
                .then()
                .statusCode(404);
        given().get(CORNERSTONES + "/changes/sha256:0000000000000000").then().statusCode(404);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aThresholdChangeThatAltersACornerstoneIsHeldBackWithTheSideBySideUntilAcceptedThenItsConclusionIsExpected()
            throws Exception {
        Instant start = Instant.now();
        String screening = screen(Requests.FORWARD_HEAD_CVA_49);
        String id = promote(Map.of(
                        "disagreement",
                        disagree(screening, "UCS-001", "consistent: forward head at 49 deg is real"),
                        "reason",
                        "Keep forward head at 49 deg"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        promoted.add(id);
        assertThat(exportedScenarioRunsOn(id, knowledgeBases.current()))
                .as("the export, loaded by the scenario runner, passes on the version serving")
                .isEmpty();

        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        Candidates.cvaThreshold48(kb.rules(), kb.docs());
        byte[] zip = TestUsers.zip(kb.rules(), kb.docs());
        // straight to live: held back, naming the case and what changes
        given().contentType("application/zip")
                .body(zip)
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem(startsWith("cornerstones/" + id)))
                .body("errors.message", hasItem(containsString("pattern UCS: consistent → partial")));
        assertThat(serving()).isEqualTo(original);

        // proposed: stored, with the side by side; not activatable until accepted
        String version = given().contentType("application/zip")
                .body(zip)
                .queryParam("summary", "forward head below 48 deg")
                .post("/api/v1/knowledge-base/proposals")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
        JsonPath proposal = given().get("/api/v1/knowledge-base/proposals/" + version)
                .then()
                .statusCode(200)
                .body("activatable", equalTo(false))
                .body("notActivatableBecause", containsString("cornerstone case"))
                .body("cornerstones.changed", equalTo(1))
                .body("cornerstones.awaitingAcceptance", equalTo(1))
                .extract()
                .jsonPath();
        Map<String, Object> change = proposal.getMap("cornerstones.cases.find { it.id == '" + id + "' }");
        assertThat(change).containsEntry("acceptance", "not accepted");
        assertThat(proposal.getString("cornerstones.cases.find { it.id == '" + id + "' }.before.patterns.UCS"))
                .isEqualTo("consistent");
        assertThat(proposal.getString("cornerstones.cases.find { it.id == '" + id + "' }.after.patterns.UCS"))
                .isEqualTo("partial");
        assertThat(proposal.getList("cornerstones.cases.find { it.id == '" + id + "' }.changes", String.class))
                .contains("pattern UCS: consistent → partial");
        assertThat(proposal.getList("cornerstones.cases.find { it.id == '" + id + "' }.noLongerFiring", String.class))
                .contains("UCS-001");
        assertThat(proposal.getList(
                        "cornerstones.cases.find { it.id == '" + id + "' }.sideBySide.findAll { it.changed }.aspect",
                        String.class))
                .contains("pattern UCS");
        given().get(CORNERSTONES + "/changes/" + version)
                .then()
                .statusCode(200)
                .body("cases.find { it.id == '" + id + "' }.after.patterns.UCS", equalTo("partial"));
        given().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/proposals/" + version + "/activate")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:crosscheck:problem:cornerstones-changed"));

        // acceptance: needs a version checked against the case and a reason
        accept(id, Map.of("version", original))
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("/version", "/reason"));
        accept(id, Map.of("version", version, "reason", "Partial is right: two findings below the new cut-off"))
                .then()
                .statusCode(200)
                .body("acceptance", equalTo("accepted"))
                .body("acceptedBy", equalTo(TestUsers.ADMIN))
                .body("after.patterns.UCS", equalTo("partial"));
        accept(id, Map.of("version", version, "reason", "twice"))
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:crosscheck:problem:cornerstone-accepted"));
        assertThat(AuditEntries.since("kb.cornerstone.accepted", start))
                .anySatisfy(e -> assertThat(e)
                        .containsEntry("subject", id)
                        .containsEntry("kbVersion", version)
                        .containsEntry("actor", TestUsers.ADMIN));

        given().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/proposals/" + version + "/activate")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(true));
        given().get(CORNERSTONES + "/" + id)
                .then()
                .body("status", equalTo("changed and accepted"))
                .body("acceptedBy", equalTo(TestUsers.ADMIN))
                .body("acceptedReason", equalTo("Partial is right: two findings below the new cut-off"))
                .body("kbVersion", equalTo(version))
                .body("conclusion.patterns.UCS", equalTo("partial"));
        assertThat(AuditEntries.since("kb.cornerstone.adopted", start))
                .extracting(e -> e.get("subject"))
                .contains(id);
        assertThat(exportedScenarioRunsOn(id, knowledgeBases.current()))
                .as("the new conclusion is the one expected from now on")
                .isEmpty();
        given().get(CORNERSTONES + "?rule=UCS-001")
                .then()
                .body("find { it.id == '" + id + "' }.status", equalTo("changed and accepted"));

        // going back is a candidate like any other: it changes the case back, and is held until that is accepted
        given().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/reload?version=" + original)
                .then()
                .statusCode(422)
                .body("errors.message", hasItem(containsString("pattern UCS: partial → consistent")));
        accept(id, Map.of("version", original, "reason", "Back to 50 deg"))
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/reload?version=" + original)
                .then()
                .statusCode(200);
        given().get(CORNERSTONES + "/" + id).then().body("conclusion.patterns.UCS", equalTo("consistent"));
    }

    /** The case exported as a scenario file, loaded and run by the scenario runner: its failures. */
    List<String> exportedScenarioRunsOn(String id, io.crosscheck.engine.KnowledgeBase kb) {
        String yaml = given().get(CORNERSTONES + "/" + id + "/scenario")
                .then()
                .statusCode(200)
                .contentType(containsString("application/yaml"))
                .header("Content-Disposition", containsString("cornerstone-" + id.substring(0, 8) + ".yaml"))
                .extract()
                .asString();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ScenarioSuite.DIR + "cornerstone-" + id.substring(0, 8) + ".yaml", yaml);
        List<KnowledgeProblem> problems = new ArrayList<>();
        List<Scenario> loaded = ScenarioSuite.load(new KnowledgeSource("export", files), problems);
        assertThat(problems).isEmpty();
        assertThat(loaded).hasSize(1);
        assertThat(loaded.get(0).title()).startsWith("Cornerstone " + id.substring(0, 8));
        ScenarioOutcome outcome = suite.run(kb, loaded.get(0));
        assertThat(outcome.rulesFired()).isNotEmpty();
        return outcome.failures();
    }

    static String screen(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String disagree(String screening, String rule, String expected) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("ruleId", rule, "expected", expected, "comment", COMMENT))
                .post("/api/v1/screenings/" + screening + "/disagreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static io.restassured.response.Response promote(Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).post(CORNERSTONES);
    }

    static io.restassured.response.Response accept(String id, Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).post(CORNERSTONES + "/" + id + "/accept");
    }

    static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Cornerstone.count());
    }

    static String serving() {
        return given().get("/api/v1/knowledge-base/active")
                .then()
                .statusCode(200)
                .extract()
                .path("version");
    }
}
