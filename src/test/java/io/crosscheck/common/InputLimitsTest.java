package io.crosscheck.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hostile and repeated bodies: nesting and string limits, Idempotency-Key. */
@QuarkusTest
class InputLimitsTest {

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void deeplyNestedBodiesAndHugeStringsAre400ProblemsNamingTheLimit() {
        String deep = "{\"client\":{\"age\":30},\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
        given().contentType(ContentType.JSON)
                .body(deep)
                .post("/api/v1/screenings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("exceeds a limit"))
                .body("errors[0].message", containsString("nesting depth"));
        String huge = "{\"client\":{\"age\":30},\"clientRef\":\"" + "a".repeat(10_000) + "\"}";
        given().contentType(ContentType.JSON)
                .body(huge)
                .post("/api/v1/screenings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("exceeds a limit"))
                .body("errors[0].field", equalTo("/clientRef"));
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aBodyOfUnknownLengthOverTheLimitIsA413ProblemAndOneUnderItIsRead(HttpClient.Version version) throws Exception {
        // HTTP/1.1: Transfer-Encoding: chunked; HTTP_2: the client's h2c upgrade, a stream without a length
        HttpClient http = HttpClient.newBuilder().version(version).build();
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        URI screenings = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/screenings");
        // an InputStream publisher has no length
        byte[] oversize = ("{\"clientRef\":\"" + "a".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(screenings)
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversize)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":413").contains("exceeds");

        byte[] article = Requests.ARTICLE_DESK_WORKER.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> read = http.send(
                HttpRequest.newBuilder(screenings)
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(article)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(201);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstScreeningAndStoresNoSecond() {
        String key = "retry-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        String other = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key + "-2")
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(other).isNotEqualTo(first);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "has spaces")
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aReusedIdempotencyKeyWithAnotherBodyIs422NamingTheHeaderAndStoresNothing() {
        String key = "reuse-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long before = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> io.crosscheck.screening.Screening.count());
        String anotherClient = Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", "someone-else-0002");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(anotherClient)
                .post("/api/v1/screenings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"))
                .body("errors[0].message", containsString("different request"))
                .body(org.hamcrest.Matchers.not(containsString(first)));
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> io.crosscheck.screening.Screening.count()))
                .isEqualTo(before);
        // the same body again: still the first screening
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
    }
}
