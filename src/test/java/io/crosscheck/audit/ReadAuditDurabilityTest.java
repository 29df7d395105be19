package io.crosscheck.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.persistence.DurableCommitsTest;
import io.crosscheck.common.persistence.DurableCommitsTest.Recorded;
import io.crosscheck.common.persistence.DurableCommitsTest.RequestSpan;
import io.crosscheck.support.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The audit entry of a read (GET of a screening) is written after the read, with the entries of concurrent reads in
 * one transaction and one force, and is on the disk before the read is answered: on a real H2 file database, a JFR
 * recording of the file forces and of each request on one clock (as {@link DurableCommitsTest}).
 */
@QuarkusTest
@TestProfile(DurableCommitsTest.FileDatabase.class)
@Tag("h2-server") // an H2 file database: not in the PostgreSQL leg (PostgreSQL forces its WAL at each commit itself)
class ReadAuditDurabilityTest {

    @Inject
    AuditLog audit;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void eachSerialReadIsAuditedAndForcedToDiskBeforeItIsAnswered() throws Exception {
        String id = screening();
        read(id); // warm
        long before = readEntries(id);
        long[] writesBefore = audit.readWrites();
        int n = 20;
        List<Long> seenAfterEach = new ArrayList<>();
        Recorded recorded = DurableCommitsTest.record(() -> {
            for (int i = 0; i < n; i++) {
                read(id);
                seenAfterEach.add(readEntries(id) - before);
            }
        });
        assertThat(recorded.requests())
                .hasSize(n)
                .allSatisfy(r -> assertThat(r.getInt("status")).isEqualTo(200));
        DurableCommitsTest.assertEachForcedWhileOpen(recorded);
        assertThat(seenAfterEach)
                .as("each read's entry is committed when the read is answered")
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, n).boxed().toList());
        long[] writes = audit.readWrites();
        assertThat(writes[1] - writesBefore[1]).as("entries written").isEqualTo(n);
        assertThat(writes[0] - writesBefore[0])
                .as("a serial read has nothing to share")
                .isEqualTo(n);
    }

    @Test
    void concurrentReadsAreEachAuditedAndForcedBeforeTheirAnswerAndTheEntriesAreChained() throws Exception {
        String id = screening();
        read(id);
        long before = readEntries(id);
        long[] writesBefore = audit.readWrites();
        int clients = 8;
        int each = 15;
        Recorded recorded = DurableCommitsTest.record(() -> {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                all.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        read(id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
        });
        int reads = clients * each;
        assertThat(recorded.requests())
                .hasSize(reads)
                .allSatisfy(r -> assertThat(r.getInt("status")).isEqualTo(200));
        DurableCommitsTest.assertEachForcedWhileOpen(recorded);
        assertThat(readEntries(id) - before).as("one entry per read").isEqualTo(reads);
        long[] writes = audit.readWrites();
        assertThat(writes[1] - writesBefore[1]).isEqualTo(reads);
        // how many share a transaction depends on timing (GroupWriteTest shows the grouping deterministically)
        assertThat(writes[0] - writesBefore[0])
                .as("transactions for %d concurrent reads", reads)
                .isBetween(1L, (long) reads);
        AuditChain.Verdict verdict = audit.check(Optional.empty());
        assertThat(verdict.valid())
                .as("the chain, every read's entry sealed into it")
                .isTrue();
        assertThat(verdict.pending()).isZero();
        System.out.printf(
                "read audit, %d clients: %d reads, %d transactions, %d forces%n",
                clients, reads, writes[0] - writesBefore[0], recorded.forces().size());
    }

    @Test
    void aReadWhoseAuditEntryCannotBeWrittenIsNotAnswered() throws Exception {
        String refused = screening();
        String other = screening();
        // the database itself refuses the read's entry for one screening (a real constraint violation on insert)
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter table audit_entry add constraint test_refuse_read check (not (action = 'screening.read'"
                    + " and subject = '" + refused + "'))");
        }
        try {
            given().get("/api/v1/screenings/" + refused)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("detail", containsString("could not be recorded in the audit log"))
                    .body("id", nullValue())
                    .body("patterns", nullValue());
            assertThat(readEntries(refused)).isZero();
            given().get("/api/v1/screenings/" + other).then().statusCode(200);
            assertThat(readEntries(other)).isEqualTo(1);
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("alter table audit_entry drop constraint test_refuse_read");
            }
        }
    }

    private static String screening() {
        return given().contentType(ContentType.JSON)
                .body(DurableCommitsTest.ARTICLE)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void read(String id) {
        RequestSpan span = new RequestSpan();
        span.begin();
        int status = given().get("/api/v1/screenings/" + id).then().extract().statusCode();
        span.end();
        span.status = status;
        span.commit();
    }

    private static long readEntries(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.count("action = ?1 and subject = ?2", AuditEvent.SCREENING_READ, id));
    }
}
