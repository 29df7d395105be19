package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.crosscheck.support.WebSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The result page's red-flag form (POST /ui/screenings/{id}/red-flags) takes answers to the knowledge base's red-flag
 * questions only: any other field is refused (400 naming it) and no new version is stored.
 */
@QuarkusTest
class RedFlagFormTest {

    @Test
    void refusesAnUnknownRedFlagFieldAndStoresNoNewVersion() {
        String id = screening();
        Response refused = post(id, "rf.not_a_red_flag", "yes");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("rf.not_a_red_flag");
        assertThat(versions(id)).isEqualTo(1);
    }

    @Test
    void refusesAFieldTheFormDoesNotHaveAndAnAnswerOtherThanYesOrNo() {
        String id = screening();
        Response other = post(id, "clientRef", "someone-else");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.asString()).contains("clientRef");
        Response maybe = post(id, "rf.fever_chills", "maybe");
        assertThat(maybe.statusCode()).isEqualTo(400);
        assertThat(maybe.asString()).contains("rf.fever_chills");
        assertThat(versions(id)).isEqualTo(1);
    }

    @Test
    void acceptsAnAnswerToAKnownRedFlagQuestion() {
        String id = screening();
        Response accepted = post(id, "rf.fever_chills", "yes");
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(versions(id)).isEqualTo(2);
    }

    private static Response post(String id, String field, String value) {
        String session = WebSignIn.session(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        String token = WebSignIn.csrfToken(session, "/ui/screenings/" + id);
        return given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .cookie(WebSignIn.CSRF_COOKIE, token)
                .contentType(ContentType.URLENC)
                .formParam(WebSignIn.CSRF_FIELD, token)
                .formParam(field, value)
                .post("/ui/screenings/" + id + "/red-flags");
    }

    private static String screening() {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static int versions(String id) {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/screenings/" + id + "/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }
}
