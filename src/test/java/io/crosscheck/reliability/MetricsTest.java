package io.crosscheck.reliability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /q/metrics (Prometheus, administrators only) serves per-endpoint HTTP metrics and Crosscheck's own. */
@QuarkusTest
class MetricsTest {

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void prometheusMetricsCoverEndpointsScreeningOutcomesKnowledgeBaseLoadsAndEngineTime() {
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_WITH_SADDLE_NUMBNESS)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/api/v1/screenings\""))
                .body(containsString("crosscheck_screenings_total{plan=\"final\",urgency=\"none\"}"))
                .body(containsString("urgency=\"emergency\""))
                .body(containsString("crosscheck_screening_patterns_total{pattern=\"LCS\",status=\"consistent\"}"))
                .body(containsString("crosscheck_kb_loads_total{outcome=\"accepted\"}"))
                .body(containsString("crosscheck_engine_evaluation_seconds_count"));
    }
}
