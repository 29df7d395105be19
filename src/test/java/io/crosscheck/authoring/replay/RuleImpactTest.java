package io.crosscheck.authoring.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import io.crosscheck.support.TestUsers;
import io.crosscheck.support.WebSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Which stored screenings does this rule change?" (issue 24): the serving version replayed with one rule switched
 * off over a clinic's stored screenings. Switching off UCS-010 (chin poke or a failed hold in cervical flexion: weak
 * deep neck flexors) changes exactly the screenings where it concluded the finding alone, not those where UCS-011
 * (craniocervical flexion under the pressure threshold) concluded the same finding, nor those it did not fire for.
 */
// sandboxed validations (20-30 s each); their tables are covered on PostgreSQL by EmergencyRevertTest and
// ReplayApiTest, so this class runs once, on the H2 leg
@org.junit.jupiter.api.Tag("heavy")
@QuarkusTest
class RuleImpactTest {

    /** A clinic of each test's own: a replay reads its stored screenings and no others. */
    final String clinic = "rule-impact-" + UUID.randomUUID().toString().substring(0, 6);

    final String user = "ri-" + clinic;
    static final String PASSWORD = "rule-impact-pw-1";
    static final String FINDING_REMOVED = "finding removed deep_neck_flexor_weakness";

    /** RestAssured knows the test port only per test (not in @BeforeAll): the clinic's user is made before each. */
    @BeforeEach
    void aClinicOfItsOwn() {
        TestUsers.ensureUser(user, PASSWORD, List.of("author", "physio"), clinic);
    }

    private RequestSpecification asUser() {
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    /** The article's desk worker, with these movement-pattern tests added. */
    private static String deskWorkerWith(String... movementTests) throws Exception {
        ObjectNode r = (ObjectNode) RuleHarness.JSON.readTree(Requests.ARTICLE_DESK_WORKER.replace(
                "pseudo-0001", "ri-" + UUID.randomUUID().toString().substring(0, 8)));
        ArrayNode tests = (ArrayNode) r.get("movementPatterns");
        for (String t : movementTests) {
            tests.add(RuleHarness.JSON.readTree(t));
        }
        return r.toString();
    }

    private String screen(String body) {
        return asUser().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private JsonPath awaitDone(String location) {
        return await("replay " + location)
                .pollInterval(Duration.ofMillis(250))
                .atMost(Duration.ofMinutes(5))
                .until(
                        () -> new JsonPath(asUser().get(location)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString()),
                        job -> !"running".equals(job.getString("state")));
    }

    static final String CHIN_POKE =
            "{ \"test\": \"cervical_flexion\", \"result\": \"abnormal\", \"substitutions\": [\"chin_poke\"] }";
    static final String CCFT_20_MMHG =
            "{ \"test\": \"craniocervical_flexion\", \"measurement\": { \"value\": 20, \"unit\": \"mmHg\" } }";

    @Test
    void switchingOffARuleReportsExactlyTheScreeningsItChangedAndTheRuleFilterKeepsOnlyItsChanges() throws Exception {
        String onlyUcs010 = screen(deskWorkerWith(CHIN_POKE));
        String onlyUcs010Again = screen(deskWorkerWith(CHIN_POKE));
        String alsoUcs011 = screen(deskWorkerWith(CHIN_POKE, CCFT_20_MMHG));
        String neither = screen(deskWorkerWith());

        String location = asUser().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/rules/UCS-010/impact")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/v1/knowledge-base/replays/"))
                .body("candidate", containsString("rule UCS-010 switched off"))
                .extract()
                .header("Location");
        JsonPath job = awaitDone(location);

        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("done");
        assertThat(job.getInt("report.screenings.evaluated")).isEqualTo(4);
        assertThat(job.getInt("report.screenings.changed")).isEqualTo(2);
        assertThat(job.getInt("report.screenings.changedByRule.UCS-010")).isEqualTo(2);
        assertThat(job.getList("report.screenings.changes.'" + FINDING_REMOVED + "'.examples", String.class))
                .containsExactlyInAnyOrder(onlyUcs010, onlyUcs010Again);
        assertThat(job.getList("report.screenings.changes.'" + FINDING_REMOVED + "'.rules", String.class))
                .containsExactly("UCS-010");
        Map<String, Map<String, Object>> kinds = job.getMap("report.screenings.changes");
        List<String> named = new ArrayList<>();
        kinds.values().forEach(k -> named.addAll((List<String>) k.get("examples")));
        assertThat(named)
                .as("only the screenings UCS-010 concluded the finding for alone")
                .doesNotContain(alsoUcs011, neither)
                .containsOnly(onlyUcs010, onlyUcs010Again);
        assertThat(job.getList("report.scenarioExpectationsNotMet", String.class))
                .as("the scenario that needs UCS-010")
                .anyMatch(f ->
                        f.startsWith("rules/scenarios/ucs-visual-signs-rated-muscles.yaml: ") && f.contains("UCS-010"));

        JsonPath only010 = new JsonPath(asUser().queryParam("rule", "UCS-010")
                .get(location)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, Map<String, Object>> kept = only010.getMap("report.screenings.changes");
        assertThat(kept).containsKey(FINDING_REMOVED);
        assertThat(kinds.keySet()).containsAll(kept.keySet());
        kept.values().forEach(k -> assertThat((List<String>) k.get("rules")).contains("UCS-010"));
        kinds.forEach((kind, k) -> {
            if (!((List<String>) k.getOrDefault("rules", List.of())).contains("UCS-010")) {
                assertThat(kept).as("a change no rule UCS-010 concluded").doesNotContainKey(kind);
            }
        });
        assertThat(only010.getInt("report.screenings.changed")).isEqualTo(2);
        assertThat(only010.getInt("report.screenings.unchanged")).isEqualTo(2);

        JsonPath only011 = new JsonPath(asUser().queryParam("rule", "UCS-011")
                .get(location)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(only011.getMap("report.screenings.changes")).isEmpty();
        assertThat(only011.getInt("report.screenings.changed")).isZero();
        assertThat(only011.getInt("report.screenings.unchanged")).isEqualTo(4);

        asUser().queryParam("rule", "UCS-010")
                .get(location + "/report.txt")
                .then()
                .statusCode(200)
                .body(containsString("Only the changes involving rule UCS-010"))
                .body(containsString("Stored screenings: 4 evaluated, 2 changed, 2 unchanged"))
                .body(containsString(FINDING_REMOVED));
    }

    @Test
    void anUnknownRuleIs404AndARuleFilterThatIsNoRuleIdIs400NamingIt() {
        asUser().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/rules/ZZZ-999/impact")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asUser().contentType(ContentType.JSON)
                .post("/api/v1/knowledge-base/rules/not-a-rule/impact")
                .then()
                .statusCode(404);
        asUser().queryParam("rule", "ucs-010; drop")
                .get("/api/v1/knowledge-base/replays/no-such-replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("rule"));
    }

    @Test
    void theRulePageAsksWhichStoredScreeningsItChangesAndTheButtonLeadsToTheReplayProgress() throws Exception {
        screen(deskWorkerWith(CHIN_POKE));
        String session = WebSignIn.session(user, PASSWORD);
        String page = given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .get("/ui/kb/rules/UCS-010")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page)
                .contains("action=\"/ui/kb/rules/UCS-010/impact\"")
                .contains("Which stored screenings does this rule change?");
        String token = WebSignIn.csrfToken(session, "/ui/kb/rules/UCS-010");

        String progress = given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .cookie(WebSignIn.CSRF_COOKIE, token)
                .contentType("application/x-www-form-urlencoded")
                .formParam(WebSignIn.CSRF_FIELD, token)
                .post("/ui/kb/rules/UCS-010/impact")
                .then()
                .statusCode(303)
                .header("Location", containsString("/ui/kb/replays/"))
                .extract()
                .header("Location");
        String id = progress.substring(progress.lastIndexOf('/') + 1);
        JsonPath job = awaitDone("/api/v1/knowledge-base/replays/" + id);
        assertThat(job.getString("state")).isEqualTo("done");
        assertThat(job.getInt("report.screenings.changes.'" + FINDING_REMOVED + "'.count"))
                .isPositive();

        String html = given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .get(progress)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("the version serving with UCS-010 switched off")
                .contains("Finding removed: weak deep neck flexors");
    }

    @Test
    void theFactModelPageShowsEveryFactWithItsFieldsForTheServingVersion() {
        String session = WebSignIn.session(user, PASSWORD);
        String html = given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .get("/ui/kb/fact-model")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("<h3 id=\"symptom\">Symptom</h3>")
                .contains("href=\"#symptom\">Symptom</a>")
                .contains("<code>trigger</code>")
                .contains("exercise");
        assertThat(Set.of("finding", "precaution", "threshold"))
                .allMatch(anchor -> html.contains("id=\"" + anchor + "\""));
    }
}
