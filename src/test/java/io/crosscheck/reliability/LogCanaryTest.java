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
 * client reference and Idempotency-Key are canaries, a canary in a screening id, and the keys, passwords and tokens
 * of the test profile and the run (session key, audit key, admin password, SMART client secret, a session cookie, a
 * CDS bearer token). The canaries are
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
        canaries.addAll(keysAndTokens());
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

    /**
     * A visit's notes are free text and never logged (issue 26): canaries in each note, through a screening, its
     * amendment, a refused note (too long, beside a wrong value elsewhere), the result and the export, are nowhere in the
     * log.
     */
    @Test
    void visitNotesAreNeverInTheLog() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        List<String> canaries = new ArrayList<>();
        for (String note : List.of("occupation", "subjective", "goals", "treatment", "amended", "refused")) {
            canaries.add("CnryNote" + note + tag + "Xq7Lw");
        }
        String ref = "log-notes-" + tag;
        String visit = "\"visit\": {\"notes\": {\"occupation\": \"%s\", \"subjective\": \"%s\", \"goals\": \"%s\","
                + " \"treatment\": \"%s\"}}, \"client\":";
        String body = Requests.ARTICLE_DESK_WORKER
                .replace("pseudo-0001", ref)
                .replaceFirst(
                        "\"client\":",
                        visit.formatted(canaries.get(0), canaries.get(1), canaries.get(2), canaries.get(3)));
        String id = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"reason\": \"notes\", \"request\": " + body.replace(canaries.get(3), canaries.get(4)) + "}")
                .post("/api/v1/screenings/" + id + "/amendments")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(body.replace(canaries.get(2), canaries.get(5) + "x".repeat(1000))
                        .replace("\"age\": 34", "\"age\": \"34\""))
                .post("/api/v1/screenings")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(body.replace(canaries.get(2), canaries.get(5) + "x".repeat(1000)))
                .post("/api/v1/screenings")
                .then()
                .statusCode(422);
        given().get("/api/v1/screenings/" + id).then().statusCode(200);
        String session = io.crosscheck.support.WebSignIn.session(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        for (String page : List.of("/ui/screenings/" + id, "/ui/screenings/" + id + "/report")) {
            assertThat(given().auth()
                            .none()
                            .cookie(io.crosscheck.support.WebSignIn.SESSION_COOKIE, session)
                            .get(page)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .as(page)
                    .contains(canaries.get(1));
        }
        given().get("/api/v1/admin/clients/" + ref + "/export").then().statusCode(200);

        Files.createDirectories(CANARIES.getParent());
        Files.write(CANARIES, canaries, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path log = Path.of(ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class));
        String text = Files.readString(log);
        for (String c : canaries) {
            assertThat(text).as("the log").doesNotContain(c);
        }
    }

    /**
     * Keys, passwords and tokens are canaries too (issue 22): the session key, the audit key, the first administrator's
     * password and the SMART client secret of the test profile, a session cookie issued by the login form (used on a
     * page) and a bearer token sent to a CDS service (refused).
     */
    private static List<String> keysAndTokens() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        List<String> secrets = new ArrayList<>();
        for (String name : List.of(
                "quarkus.http.auth.session.encryption-key",
                "crosscheck.audit.key",
                "crosscheck.security.initial-admin.password",
                "crosscheck.ehr.smart.client-secrets.\"crosscheck-confidential-test\"")) {
            secrets.add(config.getValue(name, String.class));
        }
        String session = given().auth()
                .none()
                .redirects()
                .follow(false)
                .formParam("j_username", TestUsers.ADMIN)
                .formParam("j_password", TestUsers.ADMIN_PASSWORD)
                .post("/j_security_check")
                .getCookie("crosscheck-session");
        assertThat(session).isNotNull();
        given().auth()
                .none()
                .cookie("crosscheck-session", session)
                .get("/ui/clients")
                .then()
                .statusCode(200);
        secrets.add(session);
        String jwt = "eyJhbGciOiJSUzM4NCJ9.eyJDbnJ5Snd0WHE3THciOjF9.Q25yeUp3dFNpZ1hxN0x3";
        given().auth()
                .none()
                .header("Authorization", "Bearer " + jwt)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/cds-services/crosscheck-patient-view")
                .then()
                .statusCode(401);
        secrets.add(jwt);
        return secrets;
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
