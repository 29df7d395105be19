package io.crosscheck.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit log's HMAC chain in plain JDBC, shared by the service (sealing, the check endpoint) and
 * the command line ({@code bin/crosscheck audit-check}). Entry {@code n} carries
 * {@code hash_n = HMAC(key, hash_(n-1) || canonical(entry_n))}; the head (last seq and hash) is
 * checkpointed in the database with its own HMAC and in a file outside the database. The key is never
 * stored in the database, so an edited, deleted, reordered or wholly rewritten chain cannot be made
 * to verify, and a truncated one falls short of the checkpoint.
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
            String hash) {}

    /** The chain head as checkpointed. */
    public record Head(long seq, String hash) {}

    /** The outcome of a check: the first broken entry (seq, id, why) when not valid. */
    public record Verdict(
            boolean valid, long entries, long pending, Head head, Long brokenSeq, String brokenId, String reason) {
        static Verdict ok(long entries, long pending, Head head) {
            return new Verdict(true, entries, pending, head, null, null, null);
        }

        static Verdict broken(long entries, long pending, Head head, long seq, UUID id, String reason) {
            return new Verdict(false, entries, pending, head, seq, id == null ? null : id.toString(), reason);
        }

        public String describe() {
            return valid
                    ? "audit chain intact: " + entries + " sealed entries, head " + head.seq() + " " + head.hash()
                            + (pending > 0 ? ", " + pending + " not yet sealed" : "")
                    : "audit chain BROKEN at entry " + brokenSeq + (brokenId == null ? "" : " (" + brokenId + ")")
                            + ": " + reason;
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

    // ---- sealing -------------------------------------------------------------------------------

    /**
     * Seals pending entries (seq null) in insertion-time order, continuing from the checkpoint, and
     * moves the checkpoint; the checkpoint row is locked for the transaction, so sealers never
     * interleave. Returns the new head. The caller commits.
     */
    public Head seal(Connection c, int max) throws SQLException {
        Head head = lockHead(c);
        List<Entry> pending = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement(SELECT + " where seq is null order by recorded_at, id limit ?")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(row(rs));
                }
            }
        }
        if (pending.isEmpty()) {
            return head;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update audit_entry set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null")) {
            for (Entry e : pending) {
                long seq = head.seq() + 1;
                Entry numbered = new Entry(
                        e.id(),
                        e.recordedAt(),
                        e.actor(),
                        e.clinicId(),
                        e.action(),
                        e.subject(),
                        e.kbVersion(),
                        e.address(),
                        e.detail(),
                        seq,
                        head.hash(),
                        null);
                String hash = hash(head.hash(), numbered);
                ps.setLong(1, seq);
                ps.setString(2, head.hash());
                ps.setString(3, hash);
                ps.setObject(4, e.id());
                ps.addBatch();
                head = new Head(seq, hash);
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update audit_checkpoint set seq = ?, hash = ?, sealed_at = ?, mac = ? where id = 1")) {
            ps.setLong(1, head.seq());
            ps.setString(2, head.hash());
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(4, checkpointMac(head));
            ps.executeUpdate();
        }
        return head;
    }

    private Head lockHead(Connection c) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("select seq, hash from audit_checkpoint where id = 1 for update");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return new Head(rs.getLong(1), rs.getString(2));
            }
        }
        Head genesis = new Head(0, genesis());
        try (PreparedStatement ps = c.prepareStatement(
                "insert into audit_checkpoint (id, seq, hash, sealed_at, mac) values (1, 0, ?, ?, ?)")) {
            ps.setString(1, genesis.hash());
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(3, checkpointMac(genesis));
            ps.executeUpdate();
        }
        return genesis;
    }

    // ---- checking ------------------------------------------------------------------------------

    /**
     * Walks the sealed chain and names the first broken entry: a gap in seq (deleted), a wrong link
     * or HMAC (edited, reordered, rewritten), or a chain that ends before a checkpoint (truncated).
     * {@code fileHead} is the checkpoint kept outside the database (null: none).
     */
    public Verdict verify(Connection c, Head fileHead) throws SQLException {
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
        String prev = genesis();
        long expected = 1;
        long count = 0;
        Head last = new Head(0, prev);
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where seq is not null order by seq")) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Entry e = row(rs);
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
                    if (!hash(prev, e).equals(e.hash())) {
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
            if (!checkpointMac(dbHead).equals(dbMac)) {
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

    // ---- checkpoint file -----------------------------------------------------------------------

    public static Head readFile(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            String[] parts =
                    Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
            return new Head(Long.parseLong(parts[0]), parts[1]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable audit checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    public static void writeFile(Path file, Head head) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".audit-head", ".tmp");
            Files.writeString(tmp, head.seq() + " " + head.hash() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String SELECT =
            "select id, recorded_at, actor, clinic_id, action, subject, kb_version, address, detail, "
                    + "seq, prev_hash, hash from audit_entry";

    private static Entry row(ResultSet rs) throws SQLException {
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
