package io.crosscheck.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit log's HMAC chain in plain JDBC, shared by the service (sealing, the check endpoint) and
 * the command line ({@code bin/crosscheck audit-check}). Entry {@code n} carries
 * {@code hash_n = HMAC(key, hash_(n-1) || canonical(entry_n))}; the head (last seq and hash) is
 * checkpointed in the database with its own HMAC and in a file outside the database
 * ({@link AuditCheckpointFile}). The key is never stored in the database, so an edited, deleted,
 * reordered or wholly rewritten chain cannot be made to verify, and a truncated one falls short of the
 * checkpoint. This class holds the key and the hashing; sealing is {@link AuditSealer}'s, checking
 * {@link AuditVerifier}'s.
 */
public final class AuditChain {

    public static final String GENESIS_LABEL = "crosscheck-audit-genesis";

    /** A row of audit_entry. */
    public record Entry(
            UUID id,
            Instant recordedAt,
            String actor,
            String clinicId,
            String action,
            String subject,
            String kbVersion,
            String address,
            String detail,
            Long seq,
            String prevHash,
            String hash) {

        static final String SELECT =
                "select id, recorded_at, actor, clinic_id, action, subject, kb_version, address, detail, "
                        + "seq, prev_hash, hash from audit_entry";

        /** The entry at the result set's current row of {@link #SELECT}. */
        static Entry read(ResultSet rs) throws SQLException {
            long seq = rs.getLong(10);
            boolean unsealed = rs.wasNull();
            return new Entry(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    unsealed ? null : seq,
                    rs.getString(11),
                    rs.getString(12));
        }
    }

    /** The chain head as checkpointed, or as published ({@code seq:hash}, the form the head log line names). */
    public record Head(long seq, String hash) {

        /** {@code <seq>:<hash>} as written by the head log line; IllegalArgumentException otherwise. */
        public static Head parse(String text) {
            String[] parts = text == null ? new String[0] : text.trim().split(":", -1);
            if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("expected <seq>:<mac> as published (a number, a colon and 64 hex"
                        + " digits), e.g. 42:" + "0".repeat(64));
            }
            return new Head(Long.parseLong(parts[0]), parts[1]);
        }

        @Override
        public String toString() {
            return seq + ":" + hash;
        }
    }

    /**
     * What a check compares the chain with besides its own checkpoints: the head checkpointed in a file
     * ({@code fileHead}), a head published earlier ({@code expectedHead}: the chain must still contain it), and how
     * long an entry may stay unsealed ({@code maxPendingAge}) at {@code now}. Null: not checked.
     */
    public record Expectations(Head fileHead, Head expectedHead, java.time.Duration maxPendingAge, Instant now) {
        public static Expectations file(Head fileHead) {
            return new Expectations(fileHead, null, null, null);
        }
    }

    /**
     * The outcome of a check: the first broken entry (seq, id, why) when not valid; the number of entries not yet
     * sealed and how long the oldest of them has waited, in seconds (null: none pending).
     */
    public record Verdict(
            boolean valid,
            long entries,
            long pending,
            Long oldestPendingSeconds,
            Head head,
            Long brokenSeq,
            String brokenId,
            String reason) {
        static Verdict ok(long entries, long pending, Long oldestPendingSeconds, Head head) {
            return new Verdict(true, entries, pending, oldestPendingSeconds, head, null, null, null);
        }

        static Verdict broken(
                long entries, long pending, Long oldestPendingSeconds, Head head, Long seq, Object id, String reason) {
            return new Verdict(
                    false,
                    entries,
                    pending,
                    oldestPendingSeconds,
                    head,
                    seq,
                    id == null ? null : id.toString(),
                    reason);
        }

        public String describe() {
            String waiting = pending > 0
                    ? ", " + pending + " not yet sealed"
                            + (oldestPendingSeconds == null ? "" : " (oldest " + oldestPendingSeconds + " s)")
                    : "";
            return valid
                    ? "audit chain intact: " + entries + " sealed entries, head " + head.seq() + " " + head.hash()
                            + waiting
                    : "audit chain BROKEN at entry " + (brokenSeq == null ? "(pending)" : brokenSeq)
                            + (brokenId == null ? "" : " (" + brokenId + ")") + ": " + reason;
        }
    }

    private final byte[] key;

    public AuditChain(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the audit key must be at least 16 bytes");
        }
        this.key = key.clone();
    }

    public String genesis() {
        return mac(GENESIS_LABEL);
    }

    public String hash(String prevHash, Entry e) {
        StringBuilder s = new StringBuilder();
        for (String field : new String[] {
            prevHash,
            String.valueOf(e.seq()),
            e.id().toString(),
            e.recordedAt().toString(),
            e.actor(),
            e.clinicId(),
            e.action(),
            e.subject(),
            e.kbVersion(),
            e.address(),
            e.detail()
        }) {
            // length-prefixed, so no two different entries have the same canonical form
            s.append(field == null ? -1 : field.length())
                    .append(':')
                    .append(field == null ? "" : field)
                    .append('|');
        }
        return mac(s.toString());
    }

    public String checkpointMac(Head head) {
        return mac("checkpoint|" + head.seq() + "|" + head.hash());
    }

    /** A keyed digest of a value that must not be stored in clear (a client reference). */
    public String digest(String value) {
        return mac("value|" + value).substring(0, 32);
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Seals pending entries (seq null) in insertion-time order, continuing from the checkpoint, and
     * moves the checkpoint; the checkpoint row is locked for the transaction, so sealers never
     * interleave. Returns the new head. The caller commits.
     */
    public Head seal(Connection c, int max) throws SQLException {
        return new AuditSealer(this).seal(c, max);
    }

    /**
     * Walks the sealed chain and names the first broken entry: a gap in seq (deleted), a wrong link
     * or HMAC (edited, reordered, rewritten), or a chain that ends before a checkpoint (truncated).
     * {@code fileHead} is the checkpoint kept outside the database (null: none).
     */
    public Verdict verify(Connection c, Head fileHead) throws SQLException {
        return verifyAgainst(c, Expectations.file(fileHead));
    }

    /**
     * As {@link #verify(Connection, Head)}, and also: the chain must contain {@code expectedHead} (a head published
     * earlier, kept where the database cannot rewrite it: a chain rewritten with the key, or truncated, no longer
     * does), and no entry may have waited longer than {@code maxPendingAge} to be sealed.
     */
    public Verdict verifyAgainst(Connection c, Expectations expect) throws SQLException {
        return new AuditVerifier(this).verify(c, expect);
    }
}
