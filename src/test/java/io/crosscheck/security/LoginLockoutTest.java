package io.crosscheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords: ten wrong passwords lock an account for a while, and while it is locked the right password is
 * refused too, by HTTP Basic and by the login form alike, with the same 401 as a wrong password. A lock is audited, a
 * remembered (cached) credential does not get round it, and an administrator's "enable" lifts it.
 */
@QuarkusTest
class LoginLockoutTest {

    static final String PASSWORD = "lockout-password-1";

    static int basic(String user, String password) {
        return given().auth()
                .preemptive()
                .basic(user, password)
                .get("/api/v1/vocabulary")
                .statusCode();
    }

    static Response form(String user, String password) {
        return given().auth()
                .none()
                .redirects()
                .follow(false)
                .formParam("j_username", user)
                .formParam("j_password", password)
                .post("/j_security_check");
    }

    @Test
    void tenWrongPasswordsLockTheAccountAndTheRightPasswordIsThenRefusedLikeAWrongOne() {
        TestUsers.ensureUser("lock-basic", PASSWORD, List.of("physio"), "default");
        assertThat(basic("lock-basic", PASSWORD))
                .as("before: signed in (and remembered)")
                .isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(basic("lock-basic", "guess-" + i)).isEqualTo(401);
        }

        Response locked =
                given().auth().preemptive().basic("lock-basic", PASSWORD).get("/api/v1/vocabulary");
        Response unknown =
                given().auth().preemptive().basic("no-such-user-here", PASSWORD).get("/api/v1/vocabulary");
        assertThat(locked.statusCode())
                .as("the right password while locked, though it was cached")
                .isEqualTo(401);
        assertThat(locked.getHeader("WWW-Authenticate")).isEqualTo(unknown.getHeader("WWW-Authenticate"));
        assertThat(locked.asString()).isEqualTo(unknown.asString());

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(given().auth()
                                .preemptive()
                                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                                .queryParam("action", "user.locked")
                                .queryParam("limit", 1000)
                                .get("/api/v1/admin/audit")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("subject", String.class))
                        .contains("lock-basic"));
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/admin/users")
                .then()
                .statusCode(200)
                .body("find { it.username == 'lock-basic' }.locked", equalTo(true));

        // an administrator lifts the lock
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .post("/api/v1/admin/users/lock-basic/enable")
                .then()
                .statusCode(200)
                .body("locked", equalTo(false));
        assertThat(basic("lock-basic", PASSWORD)).isEqualTo(200);
    }

    @Test
    void fewerThanTenFailuresDoNotLockAndASuccessStartsTheCountAgain() {
        TestUsers.ensureUser("lock-count", PASSWORD, List.of("physio"), "default");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 9; i++) {
                assertThat(basic("lock-count", "guess-" + i)).isEqualTo(401);
            }
            assertThat(basic("lock-count", PASSWORD)).isEqualTo(200);
        }
    }

    @Test
    void theLoginFormCountsFailuresTooAndALockedAccountCannotSignInWithTheForm() {
        TestUsers.ensureUser("lock-form", PASSWORD, List.of("physio"), "default");
        assertThat(form("lock-form", PASSWORD).getCookie("crosscheck-session")).isNotNull();
        for (int i = 0; i < 10; i++) {
            Response r = form("lock-form", "guess-" + i);
            assertThat(r.getCookie("crosscheck-session")).isNull();
        }
        Response refused = form("lock-form", PASSWORD);
        assertThat(refused.getCookie("crosscheck-session"))
                .as("no session while locked")
                .isNull();
        assertThat(refused.getHeader("Location")).contains("/ui/login?error=true");
        assertThat(basic("lock-form", PASSWORD)).isEqualTo(401);
    }

    @Test
    void anAccountLockedByTheFormRefusesItsExistingSessionToo() {
        TestUsers.ensureUser("lock-session", PASSWORD, List.of("physio"), "default");
        String session = form("lock-session", PASSWORD).getCookie("crosscheck-session");
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie("crosscheck-session", session)
                .get("/ui/clients")
                .then()
                .statusCode(200);
        for (int i = 0; i < 10; i++) {
            basic("lock-session", "guess-" + i);
        }
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie("crosscheck-session", session)
                .get("/ui/clients")
                .then()
                .statusCode(302);
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .contentType(ContentType.JSON)
                .post("/api/v1/admin/users/lock-session/enable")
                .then()
                .statusCode(200);
    }
}
