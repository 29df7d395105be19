package io.crosscheck.audit;

import io.crosscheck.audit.AuditChain.Entry;
import io.crosscheck.audit.AuditChain.Head;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Sealing, the writing side of the {@link AuditChain}: numbers and hashes the pending entries and moves
 * the checkpoint in the database, in plain JDBC.
 */
final class AuditSealer {

    private final AuditChain chain;

    AuditSealer(AuditChain chain) {
        this.chain = chain;
    }

    /**
     * Seals pending entries (seq null) in insertion-time order, continuing from the checkpoint, and
     * moves the checkpoint; the checkpoint row is locked for the transaction, so sealers never
     * interleave. Returns the new head. The caller commits.
     */
    Head seal(Connection c, int max) throws SQLException {
        Head head = lockHead(c);
        List<Entry> pending = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement(Entry.SELECT + " where seq is null order by recorded_at, id limit ?")) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(Entry.read(rs));
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
                String hash = chain.hash(head.hash(), numbered);
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
            ps.setString(4, chain.checkpointMac(head));
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
        Head genesis = new Head(0, chain.genesis());
        try (PreparedStatement ps = c.prepareStatement(
                "insert into audit_checkpoint (id, seq, hash, sealed_at, mac) values (1, 0, ?, ?, ?)")) {
            ps.setString(1, genesis.hash());
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(3, chain.checkpointMac(genesis));
            ps.executeUpdate();
        }
        return genesis;
    }
}
