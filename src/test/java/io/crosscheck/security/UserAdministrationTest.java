package io.crosscheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Administrators disable and enable users and reset their passwords; every user changes their own password with the
 * old one. A disabled user is refused at once, even with a credential the service remembered a moment ago. An
 * administrator manages the users of their own clinic only; the administrators of the default clinic run the
 * deployment (clinics, users of every clinic).
 */
@QuarkusTest
class UserAdministrationTest {

    static final String PASSWORD = "user-admin-password-1";

    static RequestSpecification admin() {
        return given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    static int vocabulary(String user, String password) {
        return as(user, password).get("/api/v1/vocabulary").statusCode();
    }

    @Test
    void aDisabledUserIsRefusedAtOnceAndAnEnabledOneSignsInAgain() {
        TestUsers.ensureUser("ua-disabled", PASSWORD, List.of("physio"), "default");
        assertThat(vocabulary("ua-disabled", PASSWORD))
                .as("signed in, the credential remembered")
                .isEqualTo(200);

        admin().contentType(ContentType.JSON)
                .post("/api/v1/admin/users/ua-disabled/disable")
                .then()
                .statusCode(200)
                .body("disabled", equalTo(true));
        assertThat(vocabulary("ua-disabled", PASSWORD)).isEqualTo(401);
        String session = given().auth()
                .none()
                .redirects()
                .follow(false)
                .formParam("j_username", "ua-disabled")
                .formParam("j_password", PASSWORD)
                .post("/j_security_check")
                .getCookie("crosscheck-session");
        assertThat(session).as("no session for a disabled user").isNull();

        admin().contentType(ContentType.JSON)
                .post("/api/v1/admin/users/ua-disabled/enable")
                .then()
                .statusCode(200)
                .body("disabled", equalTo(false));
        assertThat(vocabulary("ua-disabled", PASSWORD)).isEqualTo(200);
        admin().queryParam("action", "user.disable")
                .get("/api/v1/admin/audit")
                .then()
                .body("subject", hasItem("ua-disabled"));
        admin().queryParam("action", "user.enable")
                .get("/api/v1/admin/audit")
                .then()
                .body("subject", hasItem("ua-disabled"));
    }

    @Test
    void aDisabledUsersSessionIsRefused() {
        TestUsers.ensureUser("ua-session", PASSWORD, List.of("physio"), "default");
        String session = given().auth()
                .none()
                .redirects()
                .follow(false)
                .formParam("j_username", "ua-session")
                .formParam("j_password", PASSWORD)
                .post("/j_security_check")
                .getCookie("crosscheck-session");
        admin().contentType(ContentType.JSON)
                .post("/api/v1/admin/users/ua-session/disable")
                .then()
                .statusCode(200);
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie("crosscheck-session", session)
                .get("/ui/clients")
                .then()
                .statusCode(302);
    }

    @Test
    void anAdministratorResetsAPasswordAndTheOldOneStopsWorkingAtOnce() {
        TestUsers.ensureUser("ua-reset", PASSWORD, List.of("physio"), "default");
        assertThat(vocabulary("ua-reset", PASSWORD)).isEqualTo(200);
        admin().contentType(ContentType.JSON)
                .body(Map.of("password", "short"))
                .put("/api/v1/admin/users/ua-reset/password")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/password"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("password", "a-new-password-2"))
                .put("/api/v1/admin/users/ua-reset/password")
                .then()
                .statusCode(204);
        assertThat(vocabulary("ua-reset", PASSWORD))
                .as("the old, remembered password")
                .isEqualTo(401);
        assertThat(vocabulary("ua-reset", "a-new-password-2")).isEqualTo(200);
        admin().queryParam("action", "user.password")
                .get("/api/v1/admin/audit")
                .then()
                .body("subject", hasItem("ua-reset"))
                .body("detail", not(hasItem(org.hamcrest.Matchers.containsString("a-new-password-2"))));
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheOldOne() {
        TestUsers.ensureUser("ua-self", PASSWORD, List.of("author"), "default");
        as("ua-self", PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("oldPassword", "not-the-password", "newPassword", "self-chosen-password-3"))
                .put("/api/v1/account/password")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/oldPassword"));
        assertThat(vocabulary("ua-self", PASSWORD)).isEqualTo(200);
        as("ua-self", PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("oldPassword", PASSWORD, "newPassword", "self-chosen-password-3"))
                .put("/api/v1/account/password")
                .then()
                .statusCode(204);
        assertThat(vocabulary("ua-self", PASSWORD)).isEqualTo(401);
        assertThat(vocabulary("ua-self", "self-chosen-password-3")).isEqualTo(200);
    }

    @Test
    void anAdministratorCannotDisableThemself() {
        TestUsers.ensureUser("ua-admin-self", PASSWORD, List.of("admin"), "default");
        as("ua-admin-self", PASSWORD)
                .contentType(ContentType.JSON)
                .post("/api/v1/admin/users/ua-admin-self/disable")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(as("ua-admin-self", PASSWORD).get("/api/v1/admin/users").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAdministratorOfOneClinicManagesOnlyTheUsersOfThatClinic() {
        TestUsers.ensureUser("ua-north-admin", PASSWORD, List.of("admin"), "clinic-north");
        TestUsers.ensureUser("ua-south-physio", PASSWORD, List.of("physio"), "clinic-south");
        RequestSpecification north = as("ua-north-admin", PASSWORD).contentType(ContentType.JSON);

        // no admin (nor any user) in another clinic
        as("ua-north-admin", PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        "ua-planted",
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("admin"),
                        "clinic",
                        "clinic-south"))
                .post("/api/v1/admin/users")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/clinic"));
        admin().get("/api/v1/admin/users").then().body("username", not(hasItem("ua-planted")));
        // their own clinic: yes, and a user they create lands there
        as("ua-north-admin", PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("username", "ua-north-physio", "password", PASSWORD, "roles", List.of("physio")))
                .post("/api/v1/admin/users")
                .then()
                .statusCode(201)
                .body("clinic", equalTo("clinic-north"));
        // the users of another clinic are neither listed nor managed
        as("ua-north-admin", PASSWORD)
                .get("/api/v1/admin/users")
                .then()
                .statusCode(200)
                .body("clinic", not(hasItem("clinic-south")))
                .body("clinic", not(hasItem("default")));
        as("ua-north-admin", PASSWORD)
                .contentType(ContentType.JSON)
                .post("/api/v1/admin/users/ua-south-physio/disable")
                .then()
                .statusCode(404);
        north.body(Map.of("password", "taken-over-password-1"))
                .put("/api/v1/admin/users/ua-south-physio/password")
                .then()
                .statusCode(404);
        assertThat(vocabulary("ua-south-physio", PASSWORD)).isEqualTo(200);
        // clinics are the deployment's administrators' (the default clinic's)
        as("ua-north-admin", PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("id", "ua-new-clinic", "name", "New"))
                .post("/api/v1/admin/clinics")
                .then()
                .statusCode(403);
        admin().contentType(ContentType.JSON)
                .body(Map.of("id", "ua-new-clinic", "name", "New"))
                .post("/api/v1/admin/clinics")
                .then()
                .statusCode(201);
    }

    /**
     * EHR clients belong to a clinic as users do: another clinic's administrator neither sees them nor registers one
     * for that clinic, nor re-points one (same issuer) to their own clinic, which would move its screenings.
     */
    @Test
    void anAdministratorOfOneClinicRegistersEhrClientsForThatClinicOnly() {
        TestUsers.ensureUser("ua-north-admin", PASSWORD, List.of("admin"), "clinic-north");
        TestUsers.ensureUser("ua-south-admin", PASSWORD, List.of("admin"), "clinic-south");
        Map<String, Object> jwks = new io.restassured.path.json.JsonPath(
                        io.crosscheck.support.EhrKeys.publicJwks(io.crosscheck.support.EhrKeys.EC))
                .getMap("");
        String southIssuer = "https://ehr-of-clinic-south.example.org";
        as("ua-south-admin", PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("issuer", southIssuer, "clinic", "clinic-south", "jwks", jwks))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));

        as("ua-north-admin", PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("issuer", "https://planted.example.org", "clinic", "clinic-south", "jwks", jwks))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/clinic"));
        as("ua-north-admin", PASSWORD)
                .contentType(ContentType.JSON)
                .body(Map.of("issuer", southIssuer, "clinic", "clinic-north", "jwks", jwks))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/issuer"));
        as("ua-north-admin", PASSWORD)
                .get("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(200)
                .body("issuer", not(hasItem(southIssuer)))
                .body("clinic", not(hasItem("clinic-south")));
        as("ua-south-admin", PASSWORD)
                .get("/api/v1/admin/ehr-clients")
                .then()
                .body("findAll { it.issuer == '%s' }.clinic".formatted(southIssuer), hasItem("clinic-south"));
        admin().get("/api/v1/admin/ehr-clients").then().body("issuer", hasItem(southIssuer));
    }
}
