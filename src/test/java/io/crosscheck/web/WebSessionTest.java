package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.TestUsers;
import io.crosscheck.support.WebSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Web UI sessions: signing out ends the session on the server (a copied cookie no longer works), and a form's CSRF
 * token belongs to the session that was shown the form.
 */
@QuarkusTest
class WebSessionTest {

    static final String PASSWORD = "web-session-password-1";

    @Test
    void aCopiedSessionCookieIsRefusedAfterSignOut() {
        TestUsers.ensureUser("web-session-a", PASSWORD, List.of("physio"), "default");
        String session = WebSignIn.session("web-session-a", PASSWORD);
        String copied = session;
        assertThat(page(copied).statusCode()).isEqualTo(200);

        String token = WebSignIn.csrfToken(session, "/ui/clients");
        Response logout = form(session, token, token).post("/ui/logout");
        assertThat(logout.statusCode()).isEqualTo(303);

        Response replayed = page(copied);
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.getHeader("Location")).contains("/ui/login");
        String renewed = replayed.getCookie(WebSignIn.SESSION_COOKIE);
        assertThat(renewed == null || renewed.isEmpty())
                .as("a refused session is not renewed")
                .isTrue();
    }

    @Test
    void signingInAgainAfterSignOutStartsAWorkingSession() {
        TestUsers.ensureUser("web-session-b", PASSWORD, List.of("physio"), "default");
        String first = WebSignIn.session("web-session-b", PASSWORD);
        String token = WebSignIn.csrfToken(first, "/ui/clients");
        form(first, token, token).post("/ui/logout").then().statusCode(303);

        String second = WebSignIn.session("web-session-b", PASSWORD);
        assertThat(page(second).statusCode()).isEqualTo(200);
        assertThat(page(first).statusCode()).isEqualTo(302);
    }

    @Test
    void aCsrfTokenFromAnotherUsersSessionIsRefused() {
        TestUsers.ensureUser("web-session-c", PASSWORD, List.of("physio"), "default");
        TestUsers.ensureUser("web-session-d", PASSWORD, List.of("physio"), "default");
        String attacker = WebSignIn.session("web-session-c", PASSWORD);
        String attackersToken = WebSignIn.csrfToken(attacker, "/ui/clients");
        String victim = WebSignIn.session("web-session-d", PASSWORD);

        // the attacker's own token, planted as both cookie and field, in the victim's session
        Response planted = form(victim, attackersToken, attackersToken)
                .formParam("conclusionId", "x")
                .post("/ui/screenings/00000000-0000-0000-0000-000000000000/disagreements");
        assertThat(planted.statusCode()).isEqualTo(403);
        assertThat(page(victim).statusCode()).as("the victim stays signed in").isEqualTo(200);
    }

    @Test
    void aMadeUpCsrfTokenIsRefusedEvenWhenCookieAndFieldAgree() {
        TestUsers.ensureUser("web-session-e", PASSWORD, List.of("physio"), "default");
        String session = WebSignIn.session("web-session-e", PASSWORD);
        form(session, "made-up-token", "made-up-token")
                .post("/ui/logout")
                .then()
                .statusCode(403);
        assertThat(page(session).statusCode()).isEqualTo(200);
    }

    @Test
    void aCsrfTokenOfASignedOutSessionIsRefusedInTheNextOne() {
        TestUsers.ensureUser("web-session-f", PASSWORD, List.of("physio"), "default");
        String first = WebSignIn.session("web-session-f", PASSWORD);
        String old = WebSignIn.csrfToken(first, "/ui/clients");
        form(first, old, old).post("/ui/logout").then().statusCode(303);

        String second = WebSignIn.session("web-session-f", PASSWORD);
        form(second, old, old).post("/ui/logout").then().statusCode(403);
        String fresh = WebSignIn.csrfToken(second, "/ui/clients");
        assertThat(fresh).isNotEqualTo(old);
        form(second, fresh, fresh).post("/ui/logout").then().statusCode(303);
    }

    private static Response page(String session) {
        return given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .get("/ui/clients");
    }

    private static io.restassured.specification.RequestSpecification form(
            String session, String cookieToken, String fieldToken) {
        return given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .cookie(WebSignIn.CSRF_COOKIE, cookieToken)
                .contentType(ContentType.URLENC)
                .formParam(WebSignIn.CSRF_FIELD, fieldToken);
    }
}
