package io.crosscheck.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plants a distinct canary value in every field of a screening request, one request per field (in
 * string fields and, as a wrong type, in number and boolean fields), plus a valid request whose
 * client reference and Idempotency-Key are canaries, and a canary in a screening id. The canaries are
 * written to target/log-canaries.txt; {@link LogCanaryIT} checks, after the whole test run, that
 * none of them is in the log.
 */
@QuarkusTest
class LogCanaryTest {

    static final Path CANARIES = Path.of("target", "log-canaries.txt");

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void everyRequestFieldCarryingACanaryIsAnsweredWithoutAServerError() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode article = json.readTree(Requests.ARTICLE_DESK_WORKER);
        List<String> pointers = new ArrayList<>();
        leaves(article, "", pointers);
        List<String> canaries = new ArrayList<>();
        int n = 0;
        for (String pointer : pointers) {
            String canary = "Cnry" + (n++) + "Xq7Lw";
            canaries.add(canary);
            JsonNode copy = article.deepCopy();
            JsonNode parent = copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
            String last = pointer.substring(pointer.lastIndexOf('/') + 1);
            if (parent instanceof ObjectNode o) {
                o.put(last, canary);
            } else if (parent instanceof ArrayNode a) {
                a.set(Integer.parseInt(last), json.getNodeFactory().textNode(canary));
            }
            int status = given().contentType(ContentType.JSON)
                    .body(json.writeValueAsString(copy))
                    .post("/api/v1/screenings")
                    .statusCode();
            assertThat(status).as(pointer).isLessThan(500);
        }
        String ref = "Cnry" + (n++) + "RefXq7Lw";
        String key = "Cnry" + (n++) + "KeyXq7Lw";
        canaries.add(ref);
        canaries.add(key);
        String id = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().get("/api/v1/screenings/" + id).then().statusCode(200);
        given().get("/api/v1/admin/clients/" + ref + "/export").then().statusCode(200);
        String badId = "Cnry" + (n++) + "IdXq7Lw";
        canaries.add(badId);
        given().get("/api/v1/screenings/" + badId).then().statusCode(404);
        Files.createDirectories(CANARIES.getParent());
        Files.write(CANARIES, canaries);
        assertThat(canaries).hasSizeGreaterThan(30);
    }

    @Test
    void aReplayedCdsHooksTokenIsRefusedWithoutItsJtiOrIssuerInTheLog() throws Exception {
        String issuer = "https://cnry-issuer-xq7lw-"
                + java.util.UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        String jti = "CnryJtiXq7Lw-" + java.util.UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(java.util.Map.of(
                        "issuer",
                        issuer,
                        "clinic",
                        "default",
                        "jwks",
                        new io.restassured.path.json.JsonPath(EhrKeys.publicJwks(EhrKeys.EC)).getMap("")))
                .post("/api/v1/admin/ehr-clients")
                .then()
                .statusCode(201);
        String service = "/cds-services/crosscheck-patient-view";
        org.jose4j.jwt.JwtClaims claims =
                EhrKeys.claims(issuer, "http://localhost:" + io.restassured.RestAssured.port + service);
        claims.setJwtId(jti);
        String token = EhrKeys.sign(claims, EhrKeys.EC, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        String body = FhirFixtures.articlePatientView(
                java.util.UUID.randomUUID().toString(), FhirFixtures.LOW_BACK_RED_FLAGS, List.of());
        given().auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(service)
                .then()
                .statusCode(200);
        given().auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(service)
                .then()
                .statusCode(401);
        Files.createDirectories(CANARIES.getParent());
        Files.write(CANARIES, List.of(jti), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path log = Path.of(ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class));
        assertThat(Files.readString(log)).doesNotContain(jti).doesNotContainIgnoringCase(issuer);
    }

    private static void leaves(JsonNode node, String at, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), at + "/" + e.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), at + "/" + i, into);
            }
        } else {
            into.add(at);
        }
    }
}
