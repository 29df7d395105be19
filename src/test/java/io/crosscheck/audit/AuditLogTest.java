package io.crosscheck.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.crosscheck.cli.CrosscheckCommand;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log: what is recorded (no clinical content), the chain check naming the first broken
 * entry for an edited, deleted, truncated and wholly rewritten chain (tampering done in a transaction
 * that is rolled back, so the shared test database stays intact), the endpoint and the command line.
 */
@QuarkusTest
class AuditLogTest {

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog log;

    @ConfigProperty(name = "crosscheck.jdbc-url", defaultValue = "jdbc:h2:mem:crosscheck-test;DB_CLOSE_DELAY=-1")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void screeningsAndTheirReadsAreAuditedWithWhoWhenWhereAndNoClinicalContent() {
        String ref = "audit-ref-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().get("/api/v1/screenings/" + id).then().statusCode(200);

        var entries = given().queryParam("user", TestUsers.ADMIN)
                .queryParam("limit", 1000)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(entries.getList("findAll { it.subject == '" + id + "' }.action", String.class))
                .contains("screening.create", "screening.read");
        given().queryParam("action", "screening.read")
                .queryParam("limit", 5)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .body("[0].action", equalTo("screening.read"))
                .body("[0].address", notNullValue())
                .body("[0].clinic", equalTo("default"))
                .body("[0].kbVersion", notNullValue());
        String all = given().queryParam("limit", 1000)
                .get("/api/v1/admin/audit")
                .then()
                .extract()
                .asString();
        assertThat(all).doesNotContain(ref).doesNotContain("iliopsoas");
    }

    @Test
    void erasingAClientRemovesTheirScreeningsKeepsAnAuditEntryWithoutTheReferenceAndExportsFirst() {
        String ref = "erase-me-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().get("/api/v1/admin/clients/" + ref + "/export")
                .then()
                .statusCode(200)
                .body("clientRef", equalTo(ref))
                .body("screenings[0].id", equalTo(id))
                .body("screenings[0].request.clientRef", equalTo(ref))
                .body("screenings[0].result.explanation.nodes.size()", org.hamcrest.Matchers.greaterThan(0));
        given().delete("/api/v1/admin/clients/" + ref).then().statusCode(200).body("screeningsErased", equalTo(1));
        given().get("/api/v1/screenings/" + id).then().statusCode(404);
        given().get("/api/v1/admin/clients/" + ref + "/export")
                .then()
                .statusCode(200)
                .body("screenings.size()", equalTo(0));
        String erasures = given().queryParam("action", "client.erase")
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .body("action", hasItem("client.erase"))
                .extract()
                .asString();
        assertThat(erasures).doesNotContain(ref).contains("client-digest:");
    }

    @Test
    void anIntactChainChecksOutOnTheEndpointAndTheCommandLine() {
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        given().get("/api/v1/admin/audit/check").then().statusCode(200).body("valid", equalTo(true));
        log.sealNow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CrosscheckCommand.run(
                new String[] {
                    "audit-check",
                    "--jdbc-url",
                    jdbcUrl,
                    "--user",
                    dbUser,
                    "--key-file",
                    "src/test/resources-audit-key-does-not-exist"
                },
                new PrintStream(out),
                new PrintStream(out));
        // without CROSSCHECK_AUDIT_KEY and without a key file the command refuses to guess
        assertThat(code).isEqualTo(1);
    }

    @Test
    void theHeadIsPublishedInTheLogAndAsAMetricAndTheCheckNamesAChainThatNoLongerHoldsIt() throws Exception {
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        AuditChain.Head head = log.sealNow();
        java.nio.file.Path testLog =
                java.nio.file.Path.of(System.getProperty("crosscheck.test-log", "target/crosscheck-test.log"));
        String line = "audit head seq=" + head.seq() + " mac=" + head.hash();
        org.awaitility.Awaitility.await("the head's log line")
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> java.nio.file.Files.readString(testLog).contains(line));
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("crosscheck_audit_head_seq "));

        given().queryParam("expectHead", head.seq() + ":" + head.hash())
                .get("/api/v1/admin/audit/check")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
        // a head the chain does not hold: that entry is named
        given().queryParam("expectHead", head.seq() + ":" + "0".repeat(64))
                .get("/api/v1/admin/audit/check")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("brokenSeq", equalTo((int) head.seq()))
                .body("reason", org.hamcrest.Matchers.containsString("differs from the published head"));
        given().queryParam("expectHead", (head.seq() + 1000) + ":" + head.hash())
                .get("/api/v1/admin/audit/check")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("reason", org.hamcrest.Matchers.containsString("missing (truncated)"));
        given().queryParam("expectHead", "latest")
                .get("/api/v1/admin/audit/check")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("expectHead"));
    }

    @Test
    void anEditedEntryIsNamedByTheEndpointAndTheCommandLine() throws Exception {
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201);
        log.sealNow();
        long seq;
        String detail;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select seq, detail from audit_entry where seq is not null order by seq desc limit 1 offset 1")) {
            rs.next();
            seq = rs.getLong(1);
            detail = rs.getString(2);
        }
        update("update audit_entry set actor = 'someone-else' where seq = ?", seq);
        try {
            given().get("/api/v1/admin/audit/check")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("brokenSeq", equalTo((int) seq));
            java.nio.file.Path key = java.nio.file.Files.createTempFile("audit", ".key");
            java.nio.file.Files.writeString(key, "test-audit-key-0123456789abcdef");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = CrosscheckCommand.run(
                    new String[] {"audit-check", "--jdbc-url", jdbcUrl, "--user", dbUser, "--key-file", key.toString()},
                    new PrintStream(out),
                    new PrintStream(out));
            assertThat(code).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit chain BROKEN at entry " + seq);
        } finally {
            update("update audit_entry set actor = '" + TestUsers.ADMIN + "' where seq = ?", seq);
        }
        given().get("/api/v1/admin/audit/check").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void editedDeletedTruncatedAndRewrittenChainsAreEachDetectedAtTheFirstBrokenEntry() throws Exception {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(Requests.ARTICLE_DESK_WORKER)
                    .post("/api/v1/screenings")
                    .then()
                    .statusCode(201);
        }
        log.sealNow();
        AuditChain chain = log.chain();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long head = scalar(c, "select max(seq) from audit_entry");
            long middle = head - 2;
            assertThat(chain.verify(c, null).valid()).isTrue();

            // edited: the detail of one entry
            exec(c, "update audit_entry set detail = 'changed' where seq = " + middle);
            assertBroken(chain.verify(c, null), middle, "HMAC does not match");
            c.rollback();

            // deleted: one entry in the middle
            exec(c, "delete from audit_entry where seq = " + middle);
            assertBroken(chain.verify(c, null), middle, "missing (deleted)");
            c.rollback();

            // truncated: the last two entries (the checkpoint still names the head)
            exec(c, "delete from audit_entry where seq > " + (head - 2));
            assertBroken(chain.verify(c, null), head - 1, "missing (truncated)");
            c.rollback();

            // wholly rewritten without the key: every hash recomputed under another key, checkpoint too
            AuditChain forger = new AuditChain("not-the-key-but-long-enough".getBytes(StandardCharsets.UTF_8));
            rewrite(c, forger);
            assertBroken(chain.verify(c, null), 1, "");
            c.rollback();

            assertThat(chain.verify(c, null).valid()).isTrue();
        }
    }

    private static void assertBroken(AuditChain.Verdict v, long seq, String reason) {
        assertThat(v.valid()).as(v.describe()).isFalse();
        assertThat(v.brokenSeq()).as(v.describe()).isEqualTo(seq);
        assertThat(v.reason()).contains(reason);
    }

    private static void rewrite(Connection c, AuditChain forger) throws Exception {
        List<Object[]> rows = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select id, recorded_at, actor, clinic_id, action, subject, kb_version, address, detail, seq from audit_entry "
                                + "where seq is not null order by seq")) {
            while (rs.next()) {
                rows.add(new Object[] {
                    new AuditChain.Entry(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getLong(10),
                            null,
                            null)
                });
            }
        }
        String prev = forger.genesis();
        try (PreparedStatement ps = c.prepareStatement("update audit_entry set prev_hash = ?, hash = ? where id = ?")) {
            for (Object[] r : rows) {
                AuditChain.Entry e = (AuditChain.Entry) r[0];
                String hash = forger.hash(prev, e);
                ps.setString(1, prev);
                ps.setString(2, hash);
                ps.setObject(3, e.id());
                ps.executeUpdate();
                prev = hash;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update audit_checkpoint set hash = ?, mac = ? where id = 1")) {
            long seq = ((AuditChain.Entry) rows.get(rows.size() - 1)[0]).seq();
            ps.setString(1, prev);
            ps.setString(2, forger.checkpointMac(new AuditChain.Head(seq, prev)));
            ps.executeUpdate();
        }
    }

    private void update(String sql, long seq) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        }
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
