package io.crosscheck.common;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
        given().contentType(ContentType.JSON).body(deep).post("/api/v1/screenings").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].message", containsString("exceeds a limit"))
                .body("errors[0].message", containsString("nesting depth"));
        String huge = "{\"client\":{\"age\":30},\"clientRef\":\"" + "a".repeat(10_000) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/v1/screenings").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].message", containsString("exceeds a limit"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstScreeningAndStoresNoSecond() {
        String key = "retry-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings").then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        String other = given().contentType(ContentType.JSON).header("Idempotency-Key", key + "-2").body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings").then().statusCode(201).extract().path("id");
        assertThat(other).isNotEqualTo(first);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "has spaces").body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings").then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
