package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.crosscheck.support.WebSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The screening form's visit and notes, and the follow-up that starts from the last visit, through the pages (no
 * browser): the visit's time is entered at the clinic (Europe/London in the tests) and the notes are stored, shown on the
 * result and the report and brought back to amend; a follow-up's form carries the last visit's findings over, never its
 * red-flag or health-screen answers, and a carried-over section still holding values is saved only once confirmed.
 */
@QuarkusTest
class VisitFormPagesTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private String session;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        session = WebSignIn.session(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private String page(String path) {
        return given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private Response post(Map<String, String> form) {
        String token = WebSignIn.csrfToken(session, "/ui/screenings/new");
        var request = given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .cookie(WebSignIn.CSRF_COOKIE, token)
                .contentType(ContentType.URLENC)
                .formParam(WebSignIn.CSRF_FIELD, token)
                .formParam("idempotencyKey", UUID.randomUUID().toString());
        form.forEach(request::formParam);
        return request.post("/ui/screenings");
    }

    private static JsonPath api(String path) {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String id(Response redirect) {
        assertThat(redirect.statusCode()).as(redirect::asString).isEqualTo(303);
        String location = redirect.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void theVisitTimeAndNotesAreStoredShownOnTheResultAndReportAndBroughtBackToAmend() {
        String ref = "visit-form-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(page("/ui/screenings/new"))
                .contains("name=\"visit.at\"", "name=\"notes.subjective\"", "name=\"notes.treatment\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("clientRef", ref);
        form.put("client.age", "40");
        form.put("visit.at", "2026-11-30T09:15");
        form.put("visit.default", "2026-12-06T08:00");
        form.put("notes.occupation", "Bus driver");
        form.put("notes.subjective", "Stiff neck after shifts.\nWorse on Mondays <b>really</b>.");
        form.put("notes.treatment", "Chin tucks taught.");

        String id = id(post(form));

        JsonPath stored = api("/api/v1/screenings/" + id);
        assertThat(stored.getString("visit.at")).isEqualTo("2026-11-30T09:15:00Z");
        assertThat(stored.getString("visit.notes.occupation")).isEqualTo("Bus driver");
        assertThat(stored.getString("visit.notes.goals")).isNull();
        String result = page("/ui/screenings/" + id);
        assertThat(result)
                .contains("30 Nov 2026, 09:15 GMT")
                .contains("Bus driver")
                .contains("Worse on Mondays &lt;b&gt;really&lt;/b&gt;.")
                .doesNotContain("<b>really</b>");
        assertThat(page("/ui/screenings/" + id + "/report")).contains("Chin tucks taught.");
        String amend = page("/ui/screenings/" + id + "/amend");
        assertThat(amend)
                .contains("value=\"2026-11-30T09:15\"")
                .contains("Stiff neck after shifts.")
                .contains("Chin tucks taught.");
    }

    @Test
    void aVisitInTheFutureIsRefusedAtItsFieldAndNothingIsStored() {
        String ref = "visit-future-" + UUID.randomUUID().toString().substring(0, 8);
        String tomorrow =
                LOCAL.format(LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(1));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("clientRef", ref);
        form.put("client.age", "40");
        form.put("visit.at", tomorrow);
        form.put("visit.default", "2026-12-06T08:00");
        form.put("notes.goals", "g".repeat(1001));

        Response refused = post(form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString())
                .contains("the visit is in the future")
                .contains("at most 1000 characters (1001 given)")
                .contains("id=\"f-visit-at-err\"")
                .contains("id=\"f-notes-goals-err\"");
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/clients/" + ref + "/screenings")
                .then()
                .statusCode(404);
    }

    @Test
    void aFollowUpStartsFromTheLastVisitAndSavesACarriedOverSectionOnlyOnceConfirmed() {
        String ref = "visit-carry-" + UUID.randomUUID().toString().substring(0, 8);
        String first = given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER
                        .replace("pseudo-0001", ref)
                        .replaceFirst(
                                "\"client\":",
                                "\"visit\": {\"at\": \"2026-11-20T10:15:00Z\", \"notes\": {\"occupation\": \"Nurse\","
                                        + " \"subjective\": \"Only this visit\"}}, \"client\":"))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String html = page("/ui/screenings/new?client=" + ref);

        assertThat(html)
                .contains("Carried over from the visit of 20 Nov 2026")
                .contains("name=\"carried.id\" value=\"" + first + "\"")
                .contains(
                        "name=\"carried.sections\" value=\"client,symptoms,lifestyle,psychosocial,breathing,posture,length,movement\"")
                .contains("value=\"Nurse\"")
                .doesNotContain("Only this visit");
        assertThat(html)
                .as("red flags are asked afresh: no answer is checked")
                .doesNotContainPattern("name=\"rf\\.[a-z_]+\" value=\"(yes|no)\" checked");
        assertThat(html)
                .as("the health screen is asked afresh")
                .doesNotContainPattern("name=\"cardiovascular\\.[a-zA-Z]+\" value=\"(yes|no)\" checked");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("clientRef", ref);
        form.put("client.age", "34");
        form.put("client.sex", "female");
        form.put("notes.occupation", "Nurse");
        form.put("obs.anterior_pelvic_tilt.sign", "present");
        form.put("sy.0.region", "low_back");
        form.put("sy.0.kind", "tightness");
        form.put("carried.id", first);
        form.put("carried.date", "2026-11-20");
        form.put("carried.sections", "client,symptoms,lifestyle,psychosocial,breathing,posture,length,movement");
        form.put("confirm.client", "on");
        form.put("confirm.symptoms", "on");

        Response refused = post(form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString())
                .contains("Posture is carried over from the visit of 20 Nov 2026")
                .contains("id=\"confirm-posture-err\"")
                .as("a section cleared of carried-over values is not asked about")
                .doesNotContain("Muscle length is carried over");
        assertThat(api("/api/v1/clients/" + ref + "/screenings").getInt("total"))
                .isEqualTo(1);

        form.put("confirm.posture", "on");
        String next = id(post(form));

        JsonPath result = api("/api/v1/screenings/" + next);
        assertThat(result.getString("followUp.previous.screeningId")).isEqualTo(first);
        assertThat(result.getList("followUp.sinceLastVisit.findings.code", String.class))
                .contains("hip_flexors_short");
        assertThat(page("/ui/screenings/" + next)).contains("Since the last visit");
    }
}
