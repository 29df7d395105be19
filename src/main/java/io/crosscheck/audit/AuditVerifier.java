package io.crosscheck.audit;

import io.crosscheck.audit.AuditChain.Entry;
import io.crosscheck.audit.AuditChain.Head;
import io.crosscheck.audit.AuditChain.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checking, the reading side of the {@link AuditChain}: walks the sealed entries and compares the end of
 * the chain with both checkpoints, in plain JDBC (the command line runs it on a read-only connection).
 */
final class AuditVerifier {

    private final AuditChain chain;

    AuditVerifier(AuditChain chain) {
        this.chain = chain;
    }

    /**
     * Walks the sealed chain and names the first broken entry: a gap in seq (deleted), a wrong link
     * or HMAC (edited, reordered, rewritten), or a chain that ends before a checkpoint (truncated).
     * {@code fileHead} is the checkpoint kept outside the database (null: none).
     */
    Verdict verify(Connection c, Head fileHead) throws SQLException {
        long pending;
        try (PreparedStatement ps = c.prepareStatement("select count(*) from audit_entry where seq is null");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            pending = rs.getLong(1);
        }
        Head dbHead = null;
        String dbMac = null;
        try (PreparedStatement ps = c.prepareStatement("select seq, hash, mac from audit_checkpoint where id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                dbHead = new Head(rs.getLong(1), rs.getString(2));
                dbMac = rs.getString(3);
            }
        }
        String prev = chain.genesis();
        long expected = 1;
        long count = 0;
        Head last = new Head(0, prev);
        try (PreparedStatement ps = c.prepareStatement(Entry.SELECT + " where seq is not null order by seq")) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Entry e = Entry.read(rs);
                    if (e.seq() != expected) {
                        return Verdict.broken(
                                count,
                                pending,
                                last,
                                expected,
                                null,
                                e.seq() > expected
                                        ? "missing (deleted): the chain jumps from " + (expected - 1) + " to " + e.seq()
                                        : "sequence number repeated or out of order");
                    }
                    if (!prev.equals(e.prevHash())) {
                        return Verdict.broken(
                                count,
                                pending,
                                last,
                                e.seq(),
                                e.id(),
                                "does not link to the entry before it (edited, reordered or rewritten)");
                    }
                    if (!chain.hash(prev, e).equals(e.hash())) {
                        return Verdict.broken(
                                count,
                                pending,
                                last,
                                e.seq(),
                                e.id(),
                                "HMAC does not match its content (edited or rewritten)");
                    }
                    prev = e.hash();
                    last = new Head(e.seq(), e.hash());
                    expected++;
                    count++;
                }
            }
        }
        if (dbHead != null) {
            if (!chain.checkpointMac(dbHead).equals(dbMac)) {
                return Verdict.broken(
                        count,
                        pending,
                        last,
                        dbHead.seq(),
                        null,
                        "the database checkpoint was altered (its HMAC does not match)");
            }
            Verdict v = against(dbHead, "database checkpoint", last, count, pending, c);
            if (v != null) {
                return v;
            }
        }
        if (fileHead != null) {
            Verdict v = against(fileHead, "checkpoint file", last, count, pending, c);
            if (v != null) {
                return v;
            }
        }
        return Verdict.ok(count, pending, last);
    }

    private Verdict against(Head checkpoint, String which, Head last, long count, long pending, Connection c)
            throws SQLException {
        if (last.seq() < checkpoint.seq()) {
            return Verdict.broken(
                    count,
                    pending,
                    last,
                    last.seq() + 1,
                    null,
                    "missing (truncated): the chain ends at " + last.seq() + " but the " + which + " says the head is "
                            + checkpoint.seq());
        }
        try (PreparedStatement ps = c.prepareStatement("select hash from audit_entry where seq = ?")) {
            ps.setLong(1, checkpoint.seq());
            try (ResultSet rs = ps.executeQuery()) {
                if (checkpoint.seq() > 0 && (!rs.next() || !checkpoint.hash().equals(rs.getString(1)))) {
                    return Verdict.broken(
                            count,
                            pending,
                            last,
                            checkpoint.seq(),
                            null,
                            "differs from the " + which + " (chain rewritten)");
                }
            }
        }
        return null;
    }
}
