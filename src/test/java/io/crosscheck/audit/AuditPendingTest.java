package io.crosscheck.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Entries between their commit and their sealing (issue 22: "pending (unsealed) entries can be deleted unseen"). The
 * sealer is slowed down to once an hour here so that entries stay pending until the test seals them: an entry
 * deleted meanwhile is recorded in the chain and fails the check, naming it; an entry left unsealed longer than
 * {@code crosscheck.audit.max-pending-age} fails the check and readiness. The chain is broken on purpose, so this
 * runs on an H2 database of its own (like DatabaseOutageTest, not in the PostgreSQL build).
 */
@QuarkusTest
@TestProfile(AuditPendingTest.SlowSealer.class)
@Tag("h2-server")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditPendingTest {

    public static class SlowSealer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = "jdbc:h2:mem:audit-pending-test;DB_CLOSE_DELAY=-1";
            return Map.of(
                    "%test.quarkus.datasource.jdbc.url",
                    url,
                    "crosscheck.jdbc-url",
                    url,
                    "crosscheck.audit.seal-interval-ms",
                    "3600000",
                    "crosscheck.audit.max-pending-age",
                    "PT10M");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog log;

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    @Order(2) // it leaves the chain broken for good
    void anEntryDeletedBeforeItWasSealedFailsTheCheckNamingIt() throws Exception {
        given().get("/api/v1/admin/audit/check").then().statusCode(200).body("valid", equalTo(true));
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        List<String> deleted = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("select id from audit_entry where seq is null and action = 'screening.create'")) {
                while (rs.next()) {
                    deleted.add(rs.getString(1));
                }
            }
            assertThat(deleted).as("the screening's entry is pending").hasSize(1);
            s.executeUpdate("delete from audit_entry where id = '" + deleted.get(0) + "'");
        }

        given().get("/api/v1/admin/audit/check")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("brokenId", equalTo(deleted.get(0)))
                .body("reason", containsString("deleted before it was sealed"));
        // recorded in the chain itself: every later check (and audit-check on the database) says so too
        given().get("/api/v1/admin/audit/check").then().statusCode(200).body("valid", equalTo(false));
        given().queryParam("action", AuditLog.ENTRY_MISSING)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .body("[0].subject", equalTo(deleted.get(0)));
        given().get("/q/metrics").then().statusCode(200).body(containsString("crosscheck_audit_entries_missing_total"));
    }

    @Test
    @Order(1)
    void anEntryLeftUnsealedTooLongFailsReadinessAndIsReportedWithItsAge() throws Exception {
        log.sealNow();
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into audit_entry (id, recorded_at, actor, action) values (?, ?, 'system', 'test.stalled')")) {
            ps.setObject(1, id);
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
            ps.executeUpdate();
        }
        log.watch().committed(id, java.time.Instant.now().minusSeconds(3600));
        given().auth()
                .none()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'audit sealing' }.status", equalTo("DOWN"));

        given().get("/api/v1/admin/audit/check")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("brokenSeq", nullValue())
                .body("reason", containsString("stayed unsealed for"))
                .body("reason", containsString("(at most 600 s allowed)"));
        // the check sealed it: readiness is back
        given().auth()
                .none()
                .get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'audit sealing' }.status", equalTo("UP"));
    }
}
