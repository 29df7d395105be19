package io.crosscheck.audit;

import io.crosscheck.audit.AuditChain.Entry;
import io.crosscheck.audit.AuditChain.Expectations;
import io.crosscheck.audit.AuditChain.Head;
import io.crosscheck.audit.AuditChain.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Checking, the reading side of the {@link AuditChain}: walks the sealed entries, compares the end of the chain with
 * both checkpoints and a head published earlier, reports entries deleted before they were sealed (recorded in the
 * chain by the node that wrote them, {@link AuditLog#ENTRY_MISSING}) and entries left unsealed too long, in plain JDBC
 * (the command line runs it on a read-only connection).
 */
final class AuditVerifier {

    private final AuditChain chain;

    AuditVerifier(AuditChain chain) {
        this.chain = chain;
    }

    /** When the oldest unsealed entry was written; null when none is pending. */
    static Instant oldestPending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select min(recorded_at) from audit_entry where seq is null");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
            return at == null ? null : at.toInstant();
        }
    }

    /**
     * Walks the sealed chain and names the first broken entry: a gap in seq (deleted), a wrong link or HMAC (edited,
     * reordered, rewritten without the key), a chain that ends before a checkpoint or the published head (truncated),
     * an entry that differs from the published head (rewritten with the key), an entry recorded as deleted before it
     * was sealed, or an entry unsealed for longer than allowed.
     */
    Verdict verify(Connection c, Expectations expect) throws SQLException {
        long pending;
        try (PreparedStatement ps = c.prepareStatement("select count(*) from audit_entry where seq is null");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            pending = rs.getLong(1);
        }
        Instant now = expect.now() == null ? Instant.now() : expect.now();
        Instant oldest = oldestPending(c);
        Long waited = oldest == null
                ? null
                : Math.max(0, Duration.between(oldest, now).toSeconds());
        Head dbHead = null;
        String dbMac = null;
        try (PreparedStatement ps = c.prepareStatement("select seq, hash, mac from audit_checkpoint where id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                dbHead = new Head(rs.getLong(1), rs.getString(2));
                dbMac = rs.getString(3);
            }
        }
        Walk walk = new Walk(pending, waited);
        Verdict v = walk.run(c);
        if (v != null) {
            return v;
        }
        if (dbHead != null) {
            if (!chain.checkpointMac(dbHead).equals(dbMac)) {
                return walk.broken(dbHead.seq(), null, "the database checkpoint was altered (its HMAC does not match)");
            }
            v = against(dbHead, "database checkpoint", walk, c);
        }
        if (v == null && expect.fileHead() != null) {
            v = against(expect.fileHead(), "checkpoint file", walk, c);
        }
        if (v == null && expect.expectedHead() != null) {
            v = against(expect.expectedHead(), "published head " + expect.expectedHead(), walk, c);
        }
        if (v == null && walk.missingSeq != null) {
            v = walk.broken(
                    walk.missingSeq,
                    walk.missingId,
                    "an entry was deleted before it was sealed (" + walk.missingDetail + "); " + walk.missingCount
                            + " such entr" + (walk.missingCount == 1 ? "y" : "ies") + " recorded");
        }
        if (v == null) {
            v = pendingTooLong(Verdict.ok(walk.count, pending, waited, walk.last), oldest, now, expect.maxPendingAge());
        }
        return v;
    }

    /** {@code verdict}, or broken when the oldest entry pending at {@code oldest} waited longer than allowed. */
    static Verdict pendingTooLong(Verdict verdict, Instant oldest, Instant now, Duration max) {
        if (!verdict.valid() || oldest == null || max == null) {
            return verdict;
        }
        Duration waited = Duration.between(oldest, now);
        if (waited.compareTo(max) <= 0) {
            return verdict;
        }
        return Verdict.broken(
                verdict.entries(),
                verdict.pending(),
                verdict.oldestPendingSeconds(),
                verdict.head(),
                null,
                null,
                "an entry written at " + oldest + " stayed unsealed for " + waited.toSeconds() + " s (at most "
                        + max.toSeconds() + " s allowed): an entry deleted before sealing would go unseen; is the"
                        + " sealer running?");
    }

    private Verdict against(Head checkpoint, String which, Walk walk, Connection c) throws SQLException {
        if (walk.last.seq() < checkpoint.seq()) {
            return walk.broken(
                    walk.last.seq() + 1,
                    null,
                    "missing (truncated): the chain ends at " + walk.last.seq() + " but the " + which
                            + " says the head is " + checkpoint.seq());
        }
        if (checkpoint.seq() == 0) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("select id, hash from audit_entry where seq = ?")) {
            ps.setLong(1, checkpoint.seq());
            try (ResultSet rs = ps.executeQuery()) {
                boolean found = rs.next();
                if (!found || !checkpoint.hash().equals(rs.getString(2))) {
                    return walk.broken(
                            checkpoint.seq(),
                            found ? rs.getObject(1, java.util.UUID.class) : null,
                            "differs from the " + which + " (chain rewritten)");
                }
            }
        }
        return null;
    }

    /** One pass over the sealed entries in seq order. */
    private final class Walk {
        final long pending;
        final Long waited;
        long count;
        Head last = new Head(0, chain.genesis());
        Long missingSeq;
        String missingId;
        String missingDetail;
        int missingCount;

        Walk(long pending, Long waited) {
            this.pending = pending;
            this.waited = waited;
        }

        Verdict broken(long seq, Object id, String reason) {
            return Verdict.broken(count, pending, waited, last, seq, id, reason);
        }

        /** The first broken link, or null when the walk ends intact. */
        Verdict run(Connection c) throws SQLException {
            String prev = last.hash();
            long expected = 1;
            try (PreparedStatement ps = c.prepareStatement(Entry.SELECT + " where seq is not null order by seq")) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Entry e = Entry.read(rs);
                        if (e.seq() != expected) {
                            return broken(
                                    expected,
                                    null,
                                    e.seq() > expected
                                            ? "missing (deleted): the chain jumps from " + (expected - 1) + " to "
                                                    + e.seq()
                                            : "sequence number repeated or out of order");
                        }
                        if (!prev.equals(e.prevHash())) {
                            return broken(
                                    e.seq(),
                                    e.id(),
                                    "does not link to the entry before it (edited, reordered or rewritten)");
                        }
                        if (!chain.hash(prev, e).equals(e.hash())) {
                            return broken(e.seq(), e.id(), "HMAC does not match its content (edited or rewritten)");
                        }
                        if (AuditLog.ENTRY_MISSING.equals(e.action())) {
                            missingCount++;
                            if (missingSeq == null) {
                                missingSeq = e.seq();
                                missingId = e.subject();
                                missingDetail = e.detail();
                            }
                        }
                        prev = e.hash();
                        last = new Head(e.seq(), e.hash());
                        expected++;
                        count++;
                    }
                }
            }
            return null;
        }
    }
}
