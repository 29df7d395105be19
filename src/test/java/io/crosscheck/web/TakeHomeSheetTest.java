package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.crosscheck.support.WebSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The take-home sheet served: the article client's home exercises with their pictures and nothing of the clinician's
 * catalogue; a saddle-numbness client told to go to an emergency department now, with no exercise; the clinic's
 * contact details set by its administrator; and the pictures served as images under a policy of their own.
 */
@QuarkusTest
class TakeHomeSheetTest {

    static final String CLINIC = "clinic-sheet";
    static final String PHYSIO = "sheet-physio";
    static final String PASSWORD = "sheet-physio-password-1";
    /** A clinic of its own for the contact details, so the other sheets print the line to write them in. */
    static final String CONTACT_CLINIC = "clinic-sheet-contact";

    static final String CONTACT_PHYSIO = "sheet-contact-physio";

    @BeforeEach
    void users() {
        TestUsers.signInAsTester();
        TestUsers.ensureUser(PHYSIO, PASSWORD, List.of("physio"), CLINIC);
        TestUsers.ensureUser(CONTACT_PHYSIO, PASSWORD, List.of("physio"), CONTACT_CLINIC);
    }

    String screen(String body) {
        return screen(PHYSIO, body);
    }

    String screen(String physio, String body) {
        return given().auth()
                .preemptive()
                .basic(physio, PASSWORD)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body.replace("pseudo-0001", "sheet-" + UUID.randomUUID()))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A page's HTML, as a physiotherapist of the clinic signed in with the login form. */
    String page(String path) {
        return page(PHYSIO, path);
    }

    String page(String physio, String path) {
        String html = given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, WebSignIn.session(physio, PASSWORD))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return html;
    }

    /** The element that starts at the first match of {@code start}, up to its closing tag {@code end}. */
    static String part(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return html.substring(from, html.indexOf(end, from) + end.length());
    }

    static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The text of some HTML: tags dropped, entities of the templates undone, spaces collapsed. */
    static String text(String html) {
        return html.replaceAll("<[^>]+>", " ")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
    }

    @Test
    void theArticleClientsSheetShowsTheHomeExercisesWithPicturesAndNothingOfTheCliniciansCatalogue() {
        String sheet = page("/ui/screenings/" + screen(Requests.ARTICLE_DESK_WORKER) + "/sheet");
        List<String> items = all(sheet, "<section class=\"sheet-item\" data-intervention=\"([a-z_]+)\"");
        assertThat(items)
                .contains("warm_up", "hip_flexor_stretch", "breathing_retraining", "childs_pose")
                .doesNotContain("education_reassurance", "sensorimotor_training");
        for (String id : List.of("warm_up", "hip_flexor_stretch", "breathing_retraining", "childs_pose")) {
            String item = part(sheet, "<section class=\"sheet-item\" data-intervention=\"" + id + "\"", "</section>");
            assertThat(item)
                    .contains("<img class=\"exercise-picture\" src=\"/ui/exercise-pictures/" + id
                            + ".svg\" alt=\"Start and end position: ");
            assertThat(all(part(item, "<ol class=\"steps\"", "</ol>"), "<li>([^<]+)</li>"))
                    .hasSizeBetween(3, 6);
            assertThat(text(part(item, "<p class=\"dose\">", "</p>")))
                    .startsWith("How much")
                    .hasSizeGreaterThan(12);
        }
        assertThat(text(part(sheet, "data-intervention=\"childs_pose\"", "</section>")))
                .contains("Hold: 1 to 2 minutes");
        String text = text(part(sheet, "<article class=\"sheet\"", "</article>")) + " "
                + text(part(sheet, "<footer", "</footer>"));
        assertThat(text)
                .doesNotContainPattern("\\[[A-Z0-9-]+\\]")
                .doesNotContain("Catalogue", "Not given in the sources", "Clinician-led", "post-isometric", "sha256:")
                .doesNotContain("Explain the findings", "Teach diaphragmatic", "Normalise the periphery")
                .contains("You will also do some exercises with us in the clinic.")
                .contains("Ask us to write our phone number here:");
        assertThat(sheet).doesNotContain("id=\"sheet-referral\"");
    }

    @Test
    void aSaddleNumbnessClientsSheetSaysFirstToGoToAnEmergencyDepartmentNowAndShowsNoExercise() {
        String id = screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);
        assertThat(text(part(page("/ui/screenings/" + id), "<h2 id=\"referral-title\">", "</h2>")))
                .isEqualTo("Refer today (emergency)");
        String sheet = page("/ui/screenings/" + id + "/sheet");
        String article = part(sheet, "<article class=\"sheet\"", "</article>");
        assertThat(text(part(article, "<h1", "</h1>"))).isEqualTo("What to do now");
        String referral = part(article, "<section class=\"report-block danger\" id=\"sheet-referral\"", "</section>");
        assertThat(referral).contains("data-urgency=\"emergency\"");
        assertThat(text(article.substring(0, article.indexOf("<section"))))
                .as("the referral comes first: only the heading and the date before it")
                .matches("What to do now Prepared on \\d{1,2} \\w+ \\d{4}");
        assertThat(article.substring(article.indexOf("<section")))
                .startsWith("<section class=\"report-block danger\" id=\"sheet-referral\"");
        assertThat(text(part(referral, "<p class=\"what-to-do\"", "</p>")))
                .isEqualTo("Go to an emergency department now.");
        assertThat(text(referral)).contains("Do not start any exercises until a doctor says it is safe.");
        assertThat(article).doesNotContain("class=\"sheet-item\"");
        assertThat(text(sheet))
                .doesNotContain("medical check before starting exercises")
                .doesNotContain("numbness between your legs");
    }

    @Test
    void theClinicsContactDetailsSetByItsAdministratorArePrintedOnTheSheetAndAudited() {
        Instant before = Instant.now();
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "phone", "020 7946 0123",
                        "email", "desk@riverside.example",
                        "address", "1 River Street, London",
                        "hours", "Mon-Fri 8:00-18:00",
                        "emergencyNumber", "999"))
                .put("/api/v1/admin/clinics/" + CONTACT_CLINIC + "/contact")
                .then()
                .statusCode(200)
                .body("phone", org.hamcrest.Matchers.equalTo("020 7946 0123"));
        String sheet = page(
                CONTACT_PHYSIO, "/ui/screenings/" + screen(CONTACT_PHYSIO, Requests.ARTICLE_DESK_WORKER) + "/sheet");
        String contact = part(sheet, "<section class=\"report-block sheet-contact\"", "</section>");
        assertThat(text(part(contact, "<p class=\"clinic-name\">", "</p>"))).isEqualTo(CONTACT_CLINIC);
        assertThat(text(contact))
                .contains(
                        "Phone 020 7946 0123",
                        "desk@riverside.example",
                        "1 River Street, London",
                        "Mon-Fri 8:00-18:00",
                        "Emergency number: 999");
        assertThat(contact).doesNotContain("write-in");
        assertThat(AuditEntries.since("clinic.contact", before))
                .anyMatch(e -> CONTACT_CLINIC.equals(e.get("subject"))
                        && String.valueOf(e.get("detail"))
                                .equals("set: phone, email, address, hours, emergencyNumber"));
    }

    @Test
    void aContactWithABadPhoneOrEmailIsRefusedNamingEachFieldAndAnotherClinicsAdministratorSeesNone() {
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("phone", "call me maybe", "email", "not-an-email", "hours", "x".repeat(201)))
                .put("/api/v1/admin/clinics/" + CLINIC + "/contact")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("/phone", "/email", "/hours"));
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/admin/clinics/no-such-clinic/contact")
                .then()
                .statusCode(404);
        TestUsers.ensureUser("sheet-admin-other", PASSWORD, List.of("admin"), "clinic-sheet-other");
        given().auth()
                .preemptive()
                .basic("sheet-admin-other", PASSWORD)
                .get("/api/v1/admin/clinics/" + CLINIC + "/contact")
                .then()
                .statusCode(404);
    }

    @Test
    void aPictureIsServedAsAnImageUnderAPolicyOfItsOwnAndOnlyForAHomeExercise() {
        String session = WebSignIn.session(PHYSIO, PASSWORD);
        given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .get("/ui/exercise-pictures/hip_flexor_stretch.svg")
                .then()
                .statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString(
                        "<title id=\"t\">Stretch for the front of the hip: start and end position</title>"));
        for (String bad :
                List.of("education_reassurance", "no_such_exercise", "..%2Frules%2Freference%2Fthresholds", "HIP")) {
            given().auth()
                    .none()
                    .redirects()
                    .follow(false)
                    .cookie(WebSignIn.SESSION_COOKIE, session)
                    .get("/ui/exercise-pictures/" + bad + ".svg")
                    .then()
                    .statusCode(404);
        }
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .get("/ui/exercise-pictures/hip_flexor_stretch.svg")
                .then()
                .statusCode(302);
    }

    @Test
    void theResultsPlanShowsEachHomeExercisesPicture() {
        String result = page("/ui/screenings/" + screen(Requests.ARTICLE_DESK_WORKER));
        assertThat(part(result, "data-intervention=\"hip_flexor_stretch\"", "</article>"))
                .contains("<img class=\"exercise-picture\" src=\"/ui/exercise-pictures/hip_flexor_stretch.svg\"");
        assertThat(part(result, "data-intervention=\"education_reassurance\"", "</article>"))
                .doesNotContain("<img");
    }
}
