package io.crosscheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The web UI's session cookie (form login) signs a browser into the pages under /ui and nowhere else: the JSON API,
 * the FHIR API and the admin tools under /q authenticate with HTTP Basic (or an OpenID Connect bearer token) only, so
 * a session cookie, real or forged with a leaked key, is ignored there (issue 22).
 */
@QuarkusTest
class SessionCookieScopeTest {

    static final String SESSION = "crosscheck-session";

    private static String signIn() {
        Response login = given().auth()
                .none()
                .redirects()
                .follow(false)
                .formParam("j_username", TestUsers.ADMIN)
                .formParam("j_password", TestUsers.ADMIN_PASSWORD)
                .post("/j_security_check");
        String cookie = login.getCookie(SESSION);
        assertThat(cookie)
                .as("the login form signs the administrator in: " + login.statusCode())
                .isNotNull();
        return cookie;
    }

    @Test
    void theSessionCookieOfTheLoginFormOpensTheUiPages() {
        String cookie = signIn();
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(SESSION, cookie)
                .get("/ui/clients")
                .then()
                .statusCode(200);
    }

    @Test
    void theSessionCookieIsIgnoredByTheJsonApiTheFhirApiAndTheAdminTools() {
        String cookie = signIn();
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(SESSION, cookie)
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(401);
        for (String path : new String[] {"/api/v1/vocabulary", "/api/v1/admin/audit", "/q/metrics"}) {
            assertThat(given().auth()
                            .none()
                            .redirects()
                            .follow(false)
                            .cookie(SESSION, cookie)
                            .get(path)
                            .statusCode())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(given().auth()
                        .none()
                        .redirects()
                        .follow(false)
                        .cookie(SESSION, cookie)
                        .get("/api/v1/screenings/00000000-0000-0000-0000-000000000000/fhir")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theApiStillTakesHttpBasic() {
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(200);
    }
}
