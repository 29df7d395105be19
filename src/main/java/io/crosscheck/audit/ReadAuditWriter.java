package io.crosscheck.audit;

import io.crosscheck.common.persistence.DurableCommits;
import io.crosscheck.common.persistence.GroupWrite;
import io.crosscheck.common.persistence.JdbcTransaction;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Metrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit entries of reads, written together: a read's entry is written after the read's own transaction, with the
 * entries of every other read waiting at that moment, in one transaction on a connection of its own ({@link
 * GroupWrite}: a read alone gets a write of its own at once); then each reading thread waits until that commit is on
 * stable storage ({@link DurableCommits}, whose forces concurrent commits share), so the next group commits while the
 * previous one is being forced. Like every other entry it is written unsealed and chained by the sealer ({@link
 * AuditLog}). A write or force that fails fails the reads it was to record: they are answered 503.
 */
final class ReadAuditWriter {

    private static final String INSERT = "insert into audit_entry (id, recorded_at, actor, clinic_id, action, subject,"
            + " kb_version, address, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final DurableCommits durable;
    private final AuditPendingWatch watch;
    private final GroupWrite<AuditEntry> group = new GroupWrite<>(this::insert);

    ReadAuditWriter(DataSource dataSource, DurableCommits durable, AuditPendingWatch watch) {
        this.dataSource = dataSource;
        this.durable = durable;
        this.watch = watch;
    }

    /** Writes the entry (with those of concurrent reads); returns once it is committed and on stable storage. */
    void write(AuditEntry entry) throws GroupWrite.NotWrittenException {
        group.submit(entry);
        durable.forceCommitted();
    }

    /** Transactions written so far, and the entries in them (diagnostics and tests; forces: DurableCommits). */
    long[] writesAndEntries() {
        return new long[] {group.writes(), group.items()};
    }

    /** The same as metrics: their ratio is the number of reads sharing a transaction and a force. */
    void registerMetrics() {
        FunctionCounter.builder("crosscheck.audit.read.writes", group, GroupWrite::writes)
                .description(
                        "Transactions that wrote the audit entries of reads (each forced to disk before its reads are answered)")
                .register(Metrics.globalRegistry);
        FunctionCounter.builder("crosscheck.audit.read.entries", group, GroupWrite::items)
                .description("Audit entries of reads written")
                .register(Metrics.globalRegistry);
    }

    private void insert(List<AuditEntry> entries) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            JdbcTransaction.run(c, () -> {
                for (AuditEntry e : entries) {
                    ps.setObject(1, e.id);
                    ps.setObject(2, OffsetDateTime.ofInstant(e.recordedAt, ZoneOffset.UTC));
                    ps.setString(3, e.actor);
                    ps.setString(4, e.clinicId);
                    ps.setString(5, e.action);
                    ps.setString(6, e.subject);
                    ps.setString(7, e.kbVersion);
                    ps.setString(8, e.address);
                    ps.setString(9, e.detail);
                    ps.addBatch();
                }
                return ps.executeBatch();
            });
        }
        for (AuditEntry e : entries) {
            watch.committed(e.id, e.recordedAt);
        }
    }
}
