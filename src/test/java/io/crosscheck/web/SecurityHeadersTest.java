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
 * Every answer (pages, the API, redirects, errors) carries the browser-hardening headers, and every cookie the
 * service sets is Secure outside dev mode (tests run with the production setting).
 */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void pagesApiRedirectsAndErrorsCarryTheSecurityHeaders() {
        String session = WebSignIn.session(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        List<Response> answers = List.of(
                given().auth().none().cookie(WebSignIn.SESSION_COOKIE, session).get("/ui/clients"),
                given().auth().none().get("/ui/login"),
                given().auth().none().redirects().follow(false).get("/ui/clients"),
                given().auth()
                        .preemptive()
                        .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                        .get("/api/v1/vocabulary"),
                given().auth().none().get("/api/v1/vocabulary"),
                given().auth()
                        .preemptive()
                        .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                        .contentType(ContentType.JSON)
                        .body("{")
                        .post("/api/v1/screenings"),
                given().auth()
                        .preemptive()
                        .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                        .get("/no-such-page"),
                given().auth().none().get("/q/health/ready"));
        for (Response r : answers) {
            assertThat(r.getHeader("Content-Security-Policy"))
                    .as("CSP of a %d", r.statusCode())
                    .contains("default-src 'self'")
                    .contains("script-src 'self'")
                    .contains("object-src 'none'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(r.getHeader("Strict-Transport-Security")).startsWith("max-age=");
        }
        assertThat(answers.stream().map(Response::statusCode).toList()).contains(200, 302, 401, 400, 404);
    }

    @Test
    void everyCookieTheServiceSetsIsSecure() {
        Response login = given().auth()
                .none()
                .redirects()
                .follow(false)
                .formParam("j_username", TestUsers.ADMIN)
                .formParam("j_password", TestUsers.ADMIN_PASSWORD)
                .post("/j_security_check");
        String session = login.getCookie(WebSignIn.SESSION_COOKIE);
        Response page =
                given().auth().none().cookie(WebSignIn.SESSION_COOKIE, session).get("/ui/clients");
        String token = WebSignIn.csrfToken(session, "/ui/clients");
        Response logout = given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, session)
                .cookie(WebSignIn.CSRF_COOKIE, token)
                .contentType(ContentType.URLENC)
                .formParam(WebSignIn.CSRF_FIELD, token)
                .post("/ui/logout");
        Response redirectToLogin =
                given().auth().none().redirects().follow(false).get("/ui/screenings/new");
        for (Response r : List.of(login, page, logout, redirectToLogin)) {
            List<String> cookies = r.getHeaders().getValues("Set-Cookie");
            assertThat(cookies).as("cookies of a %d", r.statusCode()).isNotEmpty();
            for (String c : cookies) {
                assertThat(c).as("Set-Cookie").containsPattern("(?i);\\s*Secure\\s*(;|$)");
            }
        }
    }
}
