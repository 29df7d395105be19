package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The visit a screening records through the API: its date and time in the clinic's time zone (Europe/London in the
 * tests), the start of care the server fills in, and the clinician's notes, stored with the screening, returned beside
 * its result, carried and changed by an amendment, audited by name only, and refused field by field with nothing stored.
 */
@QuarkusTest
class VisitNotesApiTest {

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    /** The article's client under {@code ref} with this visit (a JSON object), or without one when null. */
    static String request(String ref, String visit) throws Exception {
        ObjectNode r = (ObjectNode) RuleHarness.JSON.readTree(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref));
        if (visit != null) {
            r.set("visit", RuleHarness.JSON.readTree(visit));
        }
        return RuleHarness.JSON.writeValueAsString(r);
    }

    static JsonPath screen(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void theVisitIsStoredInTheClinicsTimeZoneAndReturnedBesideTheResult() throws Exception {
        String ref = "visit-" + UUID.randomUUID();
        // a visit entered from a laptop on Central European time: the clinic (London, summer) records it at 08:30 BST
        JsonPath created = screen(request(ref, """
                {"at": "2026-07-01T09:30:00+02:00",
                 "notes": {"occupation": "Warehouse supervisor", "subjective": "Stiff after long drives.",
                           "goals": "Back to five-a-side football", "treatment": "Hip flexor stretch taught, 3 x 30 s."}}
                """));
        String id = created.getString("id");

        assertThat(created.getString("visit.at")).isEqualTo("2026-07-01T08:30:00+01:00");
        assertThat(created.getString("visit.notes.goals")).isEqualTo("Back to five-a-side football");
        assertThat(created.getString("visit.inCareSince")).as("a first visit").isNull();
        JsonPath stored = given().get("/api/v1/screenings/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(stored.getMap("visit")).isEqualTo(created.getMap("visit"));
        assertThat(stored.getString("visit.notes.treatment")).isEqualTo("Hip flexor stretch taught, 3 x 30 s.");
        // the timeline dates the screening by its visit, not by when it was stored
        given().get("/api/v1/clients/" + ref + "/screenings")
                .then()
                .statusCode(200)
                .body("items[0].createdAt", equalTo("2026-07-01T07:30:00Z"));
    }

    @Test
    void withoutAVisitTimeTheScreeningIsDatedWhenItWasReceived() throws Exception {
        Instant before = Instant.now();
        JsonPath created = screen(request("visit-now-" + UUID.randomUUID(), null));

        OffsetDateTime at = OffsetDateTime.parse(created.getString("visit.at"));
        assertThat(at.toInstant()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(at.getOffset())
                .as("written in the clinic's zone")
                .isEqualTo(ZoneId.of("Europe/London").getRules().getOffset(at.toInstant()));
        assertThat(created.getMap("visit.notes")).isNull();
    }

    @Test
    void everyBadVisitFieldIsNamedTogetherWithTheRestAndNothingIsStored() throws Exception {
        String ref = "visit-bad-" + UUID.randomUUID();
        String future = OffsetDateTime.now().plusHours(2).toString();
        String body = request(
                        ref, """
                        {"at": "%s", "inCareSince": "%s",
                         "notes": {"subjective": "%s", "occupation": "%s", "goals": "fine"}}
                        """.formatted(future, LocalDate.now().plusDays(3), "x".repeat(2001), "y".repeat(121)))
                .replace("\"nrs\":4", "\"nrs\":11");

        JsonPath problem = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();

        assertThat(problem.getList("errors.field", String.class))
                .containsExactlyInAnyOrder(
                        "/symptoms/0/nrs",
                        "/visit/at",
                        "/visit/inCareSince",
                        "/visit/notes/occupation",
                        "/visit/notes/subjective");
        assertThat(problem.getString("errors.find { it.field == '/visit/notes/subjective' }.message"))
                .isEqualTo("at most 2000 characters (2001 given)");
        assertThat(problem.prettify()).as("the note is not echoed").doesNotContain("xxxxxxxxxx");
        given().get("/api/v1/clients/" + ref + "/screenings").then().statusCode(404);
        assertThat(rowsOf(ref)).isZero();
    }

    @Test
    void anAmendmentCarriesTheVisitAndMayChangeItsNotesAndEachChangeIsAuditedByNameOnly() throws Exception {
        Instant start = Instant.now();
        String ref = "visit-amend-" + UUID.randomUUID();
        String subjective = "Neck sore after the night shift " + UUID.randomUUID();
        String first = screen(request(ref, """
                        {"at": "2026-11-20T10:15:00Z", "notes": {"subjective": "%s", "goals": "Sleep through"}}
                        """.formatted(subjective))).getString("id");
        String treatment = "Chin tucks taught " + UUID.randomUUID();
        // the corrected request names no visit time: the visit's time is kept; the notes are the new version's
        JsonPath amended = given().contentType(ContentType.JSON)
                .body("{\"reason\": \"Treatment recorded\", \"request\": "
                        + request(ref, """
                                {"notes": {"subjective": "%s", "treatment": "%s"}}
                                """.formatted(subjective, treatment))
                        + "}")
                .post("/api/v1/screenings/" + first + "/amendments")
                .then()
                .statusCode(201)
                .body("visit.at", equalTo("2026-11-20T10:15:00Z"))
                .body("visit.notes.treatment", equalTo(treatment))
                .body("visit.notes.goals", nullValue())
                .extract()
                .jsonPath();
        given().get("/api/v1/screenings/" + first)
                .then()
                .statusCode(200)
                .body("visit.notes.goals", equalTo("Sleep through"))
                .body("visit.notes.treatment", nullValue());

        List<Map<String, Object>> notes = AuditEntries.since("screening.notes", start);
        assertThat(notes)
                .filteredOn(e -> first.equals(e.get("subject")))
                .singleElement()
                .satisfies(e -> assertThat(e.get("detail")).isEqualTo("notes recorded: subjective, goals"));
        assertThat(notes)
                .filteredOn(e -> amended.getString("id").equals(e.get("subject")))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.get("detail")).isEqualTo("notes recorded: treatment; notes removed: goals"));
        assertThat(auditRowsHolding(subjective)).isZero();
        assertThat(auditRowsHolding(treatment)).isZero();

        // a later version moving the visit's time says so
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"Wrong day\", \"request\": "
                        + request(ref, """
                                {"at": "2026-11-19T10:15:00Z", "notes": {"subjective": "%s", "treatment": "%s"}}
                                """.formatted(subjective, treatment))
                        + "}")
                .post("/api/v1/screenings/" + amended.getString("id") + "/amendments")
                .then()
                .statusCode(201)
                .body("visit.at", equalTo("2026-11-19T10:15:00Z"));
        assertThat(AuditEntries.since("screening.notes", start))
                .extracting(e -> e.get("detail"))
                .contains("visit time changed");
    }

    @Test
    void noImprovementAfterAMonthOfCareIsAskedOnlyOnceTheClientHasBeenInCareAMonth() throws Exception {
        String ref = "visit-care-" + UUID.randomUUID();
        String unanswered = Requests.ARTICLE_DESK_WORKER
                .replace("pseudo-0001", ref)
                .replace("{ \"code\": \"no_improvement_one_month\", \"present\": false },", "");
        ObjectNode firstVisit = (ObjectNode) RuleHarness.JSON.readTree(unanswered);
        OffsetDateTime fiveWeeksAgo = OffsetDateTime.now().minusDays(35);
        firstVisit.set("visit", RuleHarness.JSON.readTree("{\"at\": \"" + fiveWeeksAgo + "\"}"));

        JsonPath first = screen(RuleHarness.JSON.writeValueAsString(firstVisit));
        assertThat(first.getString("redFlags.screen.status"))
                .as("a first visit is complete without the question")
                .isEqualTo("complete");

        JsonPath followUp = screen(unanswered);
        assertThat(followUp.getString("visit.inCareSince"))
                .isEqualTo(fiveWeeksAgo
                        .atZoneSameInstant(ZoneId.of("Europe/London"))
                        .toLocalDate()
                        .toString());
        assertThat(followUp.getString("redFlags.screen.status")).isEqualTo("incomplete");
        assertThat(followUp.getList("redFlags.screen.unanswered.questions.code.flatten()", String.class))
                .containsExactly("no_improvement_one_month");
        given().get("/api/v1/screenings/" + followUp.getString("id"))
                .then()
                .body("redFlags.screen.unanswered.questions.code.flatten()", hasItem("no_improvement_one_month"))
                .body("redFlags.screen.status", not(equalTo("complete")));
        assertThat(Duration.between(fiveWeeksAgo.toInstant(), Instant.now()).toDays())
                .isGreaterThanOrEqualTo(28);
    }

    private long rowsOf(String ref) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from screening where client_ref = ?")) {
            ps.setString(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long auditRowsHolding(String text) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select count(*) from audit_entry where detail like ? or subject like ?")) {
            ps.setString(1, "%" + text + "%");
            ps.setString(2, "%" + text + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
