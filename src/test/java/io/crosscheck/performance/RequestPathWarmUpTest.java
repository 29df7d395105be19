package io.crosscheck.performance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosscheck.security.WarmUpCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The start-up request warm-up drives the real request path (HTTP, Basic authentication, JSON, evaluation, the insert
 * of the screening and its audit entries) before the service reports ready, and leaves nothing behind: no screening,
 * no audit entry, and a credential that no longer opens anything.
 */
@QuarkusTest
@TestProfile(RequestPathWarmUpTest.WarmUpOn.class)
class RequestPathWarmUpTest {

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "crosscheck.performance.request-warm-up", "8s",
                    "crosscheck.performance.request-warm-up-minimum", "20");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    RequestPathWarmUp warmUp;

    private JsonPath warmUpCheck() {
        JsonPath ready = given().get("/q/health/ready").then().extract().jsonPath();
        return new JsonPath(ready.prettify()).setRootPath("checks.find { it.name == 'request-warm-up' }");
    }

    @Test
    void theServiceIsReadyOnlyAfterScreeningsWentThroughTheWholeRequestPath() {
        await().atMost(Duration.ofSeconds(90)).until(() -> warmUp.state().finished());
        JsonPath check = warmUpCheck();
        assertThat(check.getString("status")).isEqualTo("UP");
        assertThat(check.getLong("data.created"))
                .as("scenario requests answered 201 over HTTP (authenticated, evaluated, inserted, rolled back)")
                .isGreaterThan(0);
        assertThat(check.getLong("data.requests")).isGreaterThanOrEqualTo(check.getLong("data.created"));
    }

    @Test
    void theWarmUpLeavesNoScreeningAndNoAuditEntry() throws Exception {
        await().atMost(Duration.ofSeconds(90)).until(() -> warmUp.state().finished());
        assertThat(warmUp.state().created()).isPositive();
        assertThat(count("select count(*) from screening where clinic_id = ?", WarmUpCredentials.CLINIC))
                .isZero();
        assertThat(count("select count(*) from audit_entry where actor = ?", WarmUpCredentials.PRINCIPAL))
                .isZero();
    }

    @Test
    void theWarmUpNameOpensNothingOnceTheWarmUpIsOver() {
        await().atMost(Duration.ofSeconds(90)).until(() -> warmUp.state().finished());
        given().auth()
                .preemptive()
                .basic(WarmUpCredentials.PRINCIPAL, "anything")
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/screenings")
                .then()
                .statusCode(401);
    }

    private long count(String sql, String value) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
