package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.audit.AuditLog;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client search, a client's screenings with chips and trends, and a client's history, over real HTTP and a real database. */
@QuarkusTest
class ClientsApiTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog auditLog;

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
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

    static String ref(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The article client without the Thomas test: fewer lower-crossed findings than the first visit. */
    static String withoutThomas(String ref) {
        return Requests.ARTICLE_DESK_WORKER
                .replace("pseudo-0001", ref)
                .replaceAll("(?s)\"muscleLength\": \\[.*?\\],", "");
    }

    @Test
    void searchFindsTheClinicsClientsBySubstringInAnyCaseWithTheLatestScreeningsChips() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String older = "Srch-" + tag + "-older";
        String newer = "srch-" + tag + "-newer";
        screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", older));
        screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", newer));
        String last = screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", newer));

        JsonPath page = given().queryParam("q", "SRCH-" + tag)
                .get("/api/v1/clients")
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(20))
                .body("total", equalTo(2))
                .body("items.clientRef", contains(newer, older))
                .extract()
                .jsonPath();
        assertThat(page.getInt("items[0].screenings")).isEqualTo(2);
        assertThat(page.getString("items[0].lastScreeningId")).isEqualTo(last);
        assertThat(page.getString("items[0].chips.referral.status")).isEqualTo("none");
        assertThat(page.getString("items[0].chips.referral.trend")).isEqualTo("same");
        assertThat(page.getString("items[0].chips.patterns.find { it.code == 'LCS' }.status"))
                .isEqualTo("consistent");
        assertThat(page.getString("items[0].chips.patterns.find { it.code == 'LCS' }.trend"))
                .isEqualTo("same");
        assertThat(page.getString("items[1].chips.referral.trend"))
                .as("a first screening has no trend")
                .isEqualTo("none");
        assertThat(page.getList("items[0].chips.patterns.code", String.class)).contains("UCS", "LCS");

        given().queryParam("q", "srch-" + tag)
                .queryParam("size", 1)
                .queryParam("page", 2)
                .get("/api/v1/clients")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.clientRef", contains(older));
    }

    @Test
    void badPagingIsAProblemNamingTheParameter() {
        given().queryParam("page", "two")
                .get("/api/v1/clients")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("page"));
        given().queryParam("size", 101)
                .get("/api/v1/clients")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("size"));
        given().queryParam("page", 0)
                .queryParam("size", 0)
                .get("/api/v1/clients")
                .then()
                .statusCode(422)
                .body("errors.field", contains("page", "size"));
        given().queryParam("q", "no spaces")
                .get("/api/v1/clients")
                .then()
                .statusCode(422)
                .body("errors.field", contains("q"));
        given().queryParam("size", "x")
                .get("/api/v1/clients/anyone/screenings")
                .then()
                .statusCode(400)
                .body("errors.field", contains("size"));
    }

    @Test
    void aClientsScreeningsAreListedNewestFirstWithTrendsAgainstThePreviousOne() {
        String ref = ref("trend");
        String first = screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref));
        String second = screen(withoutThomas(ref));
        String third = screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS.replace("pseudo-0001", ref));

        JsonPath list = given().get("/api/v1/clients/" + ref + "/screenings")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(third, second, first))
                .extract()
                .jsonPath();
        assertThat(list.getString("items[1].chips.patterns.find { it.code == 'LCS' }.status"))
                .isIn("partial", "insufficient");
        assertThat(list.getString("items[1].chips.patterns.find { it.code == 'LCS' }.trend"))
                .as("fewer lower-crossed findings than before")
                .isEqualTo("better");
        assertThat(list.getString("items[0].chips.referral.status")).isEqualTo("emergency");
        assertThat(list.getString("items[0].chips.referral.trend"))
                .as("a new referral")
                .isEqualTo("worse");
        assertThat(list.getString("items[2].chips.referral.trend")).isEqualTo("none");
        assertThat(list.getInt("items[0].amendment.version")).isEqualTo(1);
        assertThat(list.getString("items[0].kbVersion")).startsWith("sha256:");

        given().queryParam("size", 1)
                .queryParam("page", 2)
                .get("/api/v1/clients/" + ref + "/screenings")
                .then()
                .statusCode(200)
                .body("items.id", contains(second))
                .body("items[0].chips.patterns.find { it.code == 'LCS' }.trend", equalTo("better"));
    }

    @Test
    void aClientWithoutScreeningsIsA404Problem() {
        given().get("/api/v1/clients/" + ref("nobody") + "/screenings")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().get("/api/v1/clients/" + ref("nobody") + "/history")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void rowsStoredWithoutSummaryColumnsAreSummarisedFromTheirStoredResult() throws Exception {
        String ref = ref("legacy");
        String first = screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref));
        String second = screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS.replace("pseudo-0001", ref));
        // as the previous application version writes them: no summary, no chain columns
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update screening set referral_urgency = null, pattern_status = null, "
                                + "chain_id = null, version_no = null, screened_at = null, created_by = null where client_ref = ?")) {
            s.setString(1, ref);
            assertThat(s.executeUpdate()).isEqualTo(2);
        }
        JsonPath list = given().get("/api/v1/clients/" + ref + "/screenings")
                .then()
                .statusCode(200)
                .body("items.id", contains(second, first))
                .extract()
                .jsonPath();
        assertThat(list.getString("items[0].chips.referral.status")).isEqualTo("emergency");
        assertThat(list.getString("items[0].chips.referral.trend")).isEqualTo("worse");
        assertThat(list.getString("items[1].chips.patterns.find { it.code == 'LCS' }.status"))
                .isEqualTo("consistent");
    }

    @Test
    void historyGivesEachMeasuredValueOverTimeWithTheThresholdsTheRulesUse() {
        String ref = ref("history");
        String first = screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref));
        String second = screen(Requests.ARTICLE_DESK_WORKER
                .replace("pseudo-0001", ref)
                .replace("\"value\": 12", "\"value\": 4")
                .replace("\"nrs\": 4", "\"nrs\": 2"));

        JsonPath h = given().get("/api/v1/clients/" + ref + "/history")
                .then()
                .statusCode(200)
                .body("clientRef", equalTo(ref))
                .body("knowledgeBaseVersion", containsString("sha256:"))
                .extract()
                .jsonPath();
        String left = "series.find { it.kind == 'muscleLength' && it.code == 'iliopsoas' && it.side == 'left' }";
        assertThat(h.getList(left + ".points.screeningId", String.class)).containsExactly(first, second);
        assertThat(h.getList(left + ".points.value", Float.class)).containsExactly(12f, 4f);
        assertThat(h.getString(left + ".unit")).isEqualTo("deg");
        assertThat(h.getString(left + ".label")).contains("thigh angle above the horizontal");
        assertThat(h.getString(left + ".thresholds[0].id")).isEqualTo("iliopsoas_thomas");
        assertThat(h.getString(left + ".thresholds[0].comparator")).isEqualTo(">");
        assertThat(h.getList(left + ".thresholds[0].rules.id", String.class)).contains("LCS-010");

        String pain = "series.find { it.kind == 'symptom' && it.code == 'low_back' }";
        assertThat(h.getList(pain + ".points.value", Float.class)).containsExactly(4f, 2f);
        assertThat(h.getString(pain + ".unit")).isEqualTo("NRS");
        assertThat(h.getList(pain + ".thresholds.id", String.class))
                .contains("severe_pain")
                .doesNotContain("chronic_pain_weeks");

        assertThat(h.getList("patterns.find { it.code == 'LCS' }.points.status", String.class))
                .containsExactly("consistent", "consistent");
        assertThat(h.getString("patterns.find { it.code == 'LCS' }.name")).isEqualTo("lower-crossed syndrome");
    }

    @Test
    void historyFindsSexSpecificThresholdsCompletedAtRunTime() {
        String ref = ref("dnf");
        screen("""
                {"clientRef": "%s", "client": {"age": 40, "sex": "male"},
                 "observations": [{"code": "craniovertebral_angle", "measurement": {"value": 47, "unit": "deg"}}],
                 "movementPatterns": [{"test": "deep_neck_flexor_endurance", "result": "abnormal", "measurement": {"value": 20, "unit": "s"}}]}
                """.formatted(ref));
        JsonPath h = given().get("/api/v1/clients/" + ref + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(h.getList("series.find { it.code == 'deep_neck_flexor_endurance' }.thresholds.id", String.class))
                .contains("dnf_endurance_male", "dnf_endurance_female");
        assertThat(h.getList("series.find { it.code == 'craniovertebral_angle' }.thresholds.id", String.class))
                .containsExactly("cva_forward_head");
    }

    @Test
    void eachClientReadIsAuditedOnceNamingTheClientByItsDigestAndWhatWasRead() {
        String ref = ref("audited");
        screen(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref));
        String from = Instant.now().toString();
        given().get("/api/v1/clients/" + ref + "/screenings").then().statusCode(200);
        given().get("/api/v1/clients/" + ref + "/history").then().statusCode(200);
        given().queryParam("q", ref).get("/api/v1/clients").then().statusCode(200);

        // the client reference is never stored in clear: the entry names it by the audit chain's keyed digest
        String client = "client-digest:" + auditLog.chain().digest(ref);
        assertThat(client).doesNotContain(ref);
        assertAuditedOnce("client.read", from, client, "1 screening(s) listed");
        assertAuditedOnce("client.history", from, client, "1 screening(s) charted");
        assertAuditedOnce("client.search", from, null, "1 client(s) listed");
    }

    /** Exactly one entry of {@code action} by the tester since {@code from}, with this subject and detail, in the tester's clinic. */
    private static void assertAuditedOnce(String action, String from, String subject, String detail) {
        JsonPath entries = given().queryParam("action", action)
                .queryParam("from", from)
                .queryParam("user", TestUsers.ADMIN)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(entries.getList("action", String.class))
                .as(action + " entries since " + from)
                .containsExactly(action);
        assertThat(entries.getString("[0].subject")).as(action + " subject").isEqualTo(subject);
        assertThat(entries.getString("[0].detail")).as(action + " detail").isEqualTo(detail);
        assertThat(entries.getString("[0].clinic")).as(action + " clinic").isEqualTo("default");
        assertThat(entries.getString("[0].actor")).as(action + " actor").isEqualTo(TestUsers.ADMIN);
    }
}
