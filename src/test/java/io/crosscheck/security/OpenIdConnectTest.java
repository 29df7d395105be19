package io.crosscheck.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Production can authenticate with OpenID Connect by configuration alone (README, "Security"): with
 * {@code quarkus.oidc.tenant-enabled=true} and a provider's URL, bearer tokens from that provider are
 * accepted, roles come from the token's {@code groups} claim and the clinic from its {@code clinic}
 * claim, and database users keep working beside it. The provider is a WireMock OpenID Connect server
 * (discovery document and JWKS over HTTP) started by {@link OidcWiremockTestResource}.
 */
// H2 leg only: what it checks does not depend on the database (CONTRIBUTING.md, "The fast local loop": `once`).
@Tag("once")
@QuarkusTest
@TestProfile(OpenIdConnectTest.OpenIdConnectOn.class)
class OpenIdConnectTest {

    public static class OpenIdConnectOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled",
                    "true",
                    "quarkus.oidc.auth-server-url",
                    "${keycloak.url}/realms/quarkus",
                    "quarkus.oidc.client-id",
                    "crosscheck",
                    "quarkus.oidc.application-type",
                    "service",
                    "quarkus.oidc.token.issuer",
                    "https://server.example.com");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    private static String token(String user, Set<String> roles, String clinic) {
        return OidcWiremockTestResource.generateJwtToken(
                user, roles, user, "Bearer", Set.of("https://server.example.com"), Map.of("clinic", clinic));
    }

    @Test
    void aPhysioTokenScreensInItsClinicAndAnotherClinicsTokenCannotReadTheResult() {
        String north = token("oidc-physio-north", Set.of("physio"), "oidc-north");
        String south = token("oidc-physio-south", Set.of("physio"), "oidc-south");
        String id = given().auth()
                .oauth2(north)
                .contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(north)
                .get("/api/v1/screenings/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().auth().oauth2(south).get("/api/v1/screenings/" + id).then().statusCode(404);
    }

    @Test
    void rolesComeFromTheTokenSoAPhysioTokenCannotReloadTheKnowledgeBase() {
        given().auth()
                .oauth2(token("oidc-physio", Set.of("physio"), "oidc-north"))
                .contentType("application/json") // a body-less POST: no form content type (415)
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("oidc-author", Set.of("author"), "oidc-north"))
                .get("/api/v1/knowledge-base")
                .then()
                .statusCode(200);
    }

    @Test
    void aTokenSignedByAnotherKeyOrNoCredentialsAreRefusedAndDatabaseUsersStillSignIn() throws Exception {
        var otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String forged = Jwt.preferredUserName("mallory")
                .groups(Set.of("physio", "author", "admin"))
                .issuer("https://server.example.com")
                .audience("https://server.example.com")
                .claim("clinic", "oidc-north")
                .jws()
                .keyId("1")
                .sign(otherKey);
        given().auth().oauth2(forged).get("/api/v1/vocabulary").then().statusCode(401);
        given().get("/api/v1/vocabulary").then().statusCode(401);
        given().auth()
                .preemptive()
                .basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
                .get("/api/v1/vocabulary")
                .then()
                .statusCode(200);
    }
}
