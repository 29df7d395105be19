package io.crosscheck.cdshooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Without CROSSCHECK_SESSION_KEY the form login keeps a random key of its own, which no other node (and no
 * restart) shares: a SMART launch then cannot issue a session, and says so before sending anyone to the EHR.
 */
// H2 leg only: what it checks does not depend on the database (CONTRIBUTING.md, "The fast local loop": `once`).
@Tag("once")
@QuarkusTest
@TestProfile(SmartLaunchWithoutSessionKeyTest.NoSessionKey.class)
class SmartLaunchWithoutSessionKeyTest {

    public static class NoSessionKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.session.encryption-key", "");
        }
    }

    @Test
    void aLaunchWithoutASessionKeyIs503AndRedirectsNowhere() {
        given().redirects()
                .follow(false)
                .queryParam("iss", "https://ehr.example.org/fhir")
                .queryParam("launch", "x")
                .get("/smart/launch")
                .then()
                .statusCode(503)
                .header("Location", nullValue())
                .body(containsString("CROSSCHECK_SESSION_KEY"));
    }
}
