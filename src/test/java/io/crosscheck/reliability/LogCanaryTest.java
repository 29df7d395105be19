package io.crosscheck.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
