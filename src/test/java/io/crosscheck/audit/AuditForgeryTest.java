package io.crosscheck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.cli.CrosscheckCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attacker holding the database and the audit key can delete an entry and recompute every HMAC and the
 * checkpoint after it: the chain then verifies on its own (issue 22). A head published before (the log line
 * {@code audit head seq=<n> mac=<hex>}, kept outside the database) no longer matches: {@code audit-check
 * --expect-head} names the entry. Runs on a database of its own (in-memory H2, the service's migrations).
 */
class AuditForgeryTest {

    static final String KEY = "forgery-test-audit-key-0123456789abcdef";

    @TempDir
    Path tmp;

    String url;
    Path keyFile;
    AuditChain chain = new AuditChain(KEY.getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void chainOfFiveEntries() throws Exception {
        url = "jdbc:h2:mem:audit-forgery-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "crosscheck", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        keyFile = tmp.resolve("audit.key");
        Files.writeString(keyFile, KEY);
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "");
                PreparedStatement insert = db.prepareStatement(
                        "insert into audit_entry (id, recorded_at, actor, clinic_id, action, subject) values (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 5; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, OffsetDateTime.of(2026, 12, 1, 9, i, 0, 0, ZoneOffset.UTC));
                insert.setString(3, "physio-" + i);
                insert.setString(4, "default");
                insert.setString(5, "screening.read");
                insert.setString(6, UUID.randomUUID().toString());
                insert.executeUpdate();
            }
            db.setAutoCommit(false);
            chain.seal(db, 100);
            db.commit();
        }
    }

    @Test
    void aChainRewrittenWithTheKeyAfterADeletionChecksOutIntactButNotAgainstThePublishedHead() throws Exception {
        AuditChain.Head published = head();
        assertThat(published.seq()).isEqualTo(5);

        forgeWithoutEntry(3);

        Run plain = auditCheck();
        assertThat(plain.code).as(plain.out).isZero();
        assertThat(plain.out).contains("audit chain intact: 4 sealed entries");

        Run expecting = auditCheck("--expect-head", published.seq() + ":" + published.hash());
        assertThat(expecting.code).as(expecting.out).isEqualTo(1);
        assertThat(expecting.out)
                .contains("audit chain BROKEN at entry 5")
                .contains("published head " + published.seq() + ":" + published.hash());
    }

    @Test
    void aForgedEntryInThePlaceOfThePublishedHeadIsNamed() throws Exception {
        AuditChain.Head published = head();
        forgeWithoutEntry(2);
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "")) {
            db.createStatement()
                    .executeUpdate("insert into audit_entry (id, recorded_at, actor, action) values ('"
                            + UUID.randomUUID() + "', timestamp with time zone '2026-12-01 10:00:00+00', 'x', 'x')");
            db.setAutoCommit(false);
            chain.seal(db, 100);
            db.commit();
        }
        assertThat(auditCheck().code).isZero();
        Run expecting = auditCheck("--expect-head", published.seq() + ":" + published.hash());
        assertThat(expecting.code).isEqualTo(1);
        assertThat(expecting.out).contains("audit chain BROKEN at entry 5 (").contains("chain rewritten");
    }

    @Test
    void anEarlierPublishedHeadOfAnUntouchedChainChecksOutAndABadHeadIsAUsageError() throws Exception {
        AuditChain.Head published = head();
        Run intact = auditCheck("--expect-head", published.seq() + ":" + published.hash());
        assertThat(intact.code).as(intact.out).isZero();
        assertThat(auditCheck("--expect-head", "5:not-a-mac").code).isEqualTo(2);
    }

    private AuditChain.Head head() throws Exception {
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "");
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select seq, hash from audit_checkpoint where id = 1")) {
            rs.next();
            return new AuditChain.Head(rs.getLong(1), rs.getString(2));
        }
    }

    /** What an attacker with the key can do: delete entry {@code seq}, renumber and re-MAC the rest, move the checkpoint. */
    private void forgeWithoutEntry(long seq) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "")) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.executeUpdate("delete from audit_entry where seq = " + seq);
                s.executeUpdate("update audit_entry set seq = -seq where seq > " + seq);
                s.executeUpdate("update audit_entry set seq = -seq - 1 where seq < 0");
            }
            List<AuditChain.Entry> entries = new ArrayList<>();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery(AuditChain.Entry.SELECT + " where seq is not null order by seq")) {
                while (rs.next()) {
                    entries.add(AuditChain.Entry.read(rs));
                }
            }
            String prev = chain.genesis();
            long last = 0;
            try (PreparedStatement ps =
                    db.prepareStatement("update audit_entry set prev_hash = ?, hash = ? where id = ?")) {
                for (AuditChain.Entry e : entries) {
                    String hash = chain.hash(prev, e);
                    ps.setString(1, prev);
                    ps.setString(2, hash);
                    ps.setObject(3, e.id());
                    ps.executeUpdate();
                    prev = hash;
                    last = e.seq();
                }
            }
            try (PreparedStatement ps =
                    db.prepareStatement("update audit_checkpoint set seq = ?, hash = ?, mac = ? where id = 1")) {
                AuditChain.Head head = new AuditChain.Head(last, prev);
                ps.setLong(1, last);
                ps.setString(2, prev);
                ps.setString(3, chain.checkpointMac(head));
                ps.executeUpdate();
            }
            db.commit();
        }
    }

    private record Run(int code, String out) {}

    private Run auditCheck(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "audit-check",
                "--jdbc-url",
                url,
                "--key-file",
                keyFile.toString(),
                "--checkpoint-file",
                tmp.resolve("no-head-file").toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CrosscheckCommand.run(args.toArray(String[]::new), new PrintStream(out), new PrintStream(out));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }
}
