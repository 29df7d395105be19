package io.crosscheck.cdshooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.cdshooks.store.SmartServer;
import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.FakeSmartEhr;
import io.crosscheck.support.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With plain http not allowed (as in production: {@code crosscheck.ehr.allow-plain-http} is set in dev and test
 * only), an EHR client whose jwksUrl, FHIR servers or SMART launch URLs are http is refused with 422 naming each
 * field, and a SMART launch whose iss is http is refused before Crosscheck calls it, even when a registration from
 * before holds it.
 */
// H2 leg only: what it checks does not depend on the database (CONTRIBUTING.md, "The fast local loop": `once`).
@Tag("once")
@QuarkusTest
@TestProfile(HttpsOnlyEhrUrlsTest.HttpsOnly.class)
class HttpsOnlyEhrUrlsTest {

    public static class HttpsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crosscheck.ehr.allow-plain-http", "false");
        }
    }

    static final String CLINIC = "clinic-https-only";

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .contentType(ContentType.JSON);
    }

    static Map<String, Object> registration(String issuer) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("issuer", issuer);
        r.put("clinic", CLINIC);
        return r;
    }

    @Test
    void anEhrClientWithPlainHttpUrlsIsRefusedNamingEachFieldAndNothingIsStored() {
        TestUsers.ensureUser("https-only-physio", "https-only-pw-123", List.of("physio"), CLINIC);
        Map<String, Object> http = registration("https://ehr-plain-http.example.org");
        http.put("jwksUrl", "http://ehr-plain-http.example.org/jwks.json");
        http.put(
                "fhirServers",
                List.of("https://ehr-plain-http.example.org/fhir", "http://ehr-plain-http.example.org/r4"));
        http.put("smart", Map.of("clientId", "crosscheck", "iss", List.of("http://ehr-plain-http.example.org/r4")));
        admin().body(http)
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/jwksUrl"))
                .body("errors.field", hasItem("/fhirServers/1"))
                .body("errors.field", not(hasItem("/fhirServers/0")))
                .body("errors.field", hasItem("/smart/iss/0"));
        admin().get("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(200)
                .body("issuer", not(hasItem("https://ehr-plain-http.example.org")));

        Map<String, Object> https = registration("https://ehr-https.example.org");
        https.put("jwksUrl", "https://ehr-https.example.org/jwks.json");
        https.put("fhirServers", List.of("https://ehr-https.example.org/fhir"));
        https.put("smart", Map.of("clientId", "crosscheck", "iss", List.of("https://ehr-https.example.org/fhir")));
        admin().body(https).post("/api/v1/admin/ehr-clients").then().statusCode(201);
    }

    @Test
    void aSmartLaunchWithAPlainHttpIssIsRefusedBeforeTheEhrIsCalledEvenWhenAnOlderRegistrationHoldsIt()
            throws Exception {
        TestUsers.ensureUser("https-only-physio", "https-only-pw-123", List.of("physio"), CLINIC);
        try (FakeSmartEhr ehr = new FakeSmartEhr()) {
            // registered before plain http was refused: written as it was then
            QuarkusTransaction.requiringNew().run(() -> {
                EhrClient c = new EhrClient();
                c.issuer = "https://ehr-legacy-http.example.org";
                c.clinicId = CLINIC;
                c.jwks = EhrKeys.publicJwks(EhrKeys.EC);
                c.smartClientId = FakeSmartEhr.CLIENT_ID;
                c.createdAt = Instant.now();
                c.createdBy = "admin";
                c.persist();
                SmartServer s = new SmartServer();
                s.fhirBase = ehr.fhirBase();
                s.ehrClient = c.issuer;
                s.persist();
            });
            Response r = given().auth()
                    .none()
                    .redirects()
                    .follow(false)
                    .queryParam("iss", ehr.fhirBase())
                    .queryParam("launch", ehr.launch(null, null))
                    .get("/smart/launch");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.getHeader("Location")).isNull();
            assertThat(r.asString()).contains("https");
            assertThat(ehr.configurationRequests.get())
                    .as("the EHR is not called")
                    .isZero();
        }
    }
}
