package io.crosscheck.bench;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The screening row as the service stores it, for the floor's commit ({@link FloorBenchmark}). */
final class StoredRow {
    private StoredRow() {}

    static final String INSERT = "insert into screening (id, client_ref, created_at, kb_version, request_json,"
            + " result_json, explanation_json, clinic_id, referral_urgency, pattern_status)"
            + " values (?, 'pseudo-bench', ?, 'sha256:bench', ?, ?, ?, 'clinic-a', 'none', 'UCS=consistent')";

    static void bind(PreparedStatement ps, UUID id, String request, byte[] response, byte[] explanationGz)
            throws SQLException {
        ps.setObject(1, id);
        ps.setTimestamp(2, Timestamp.from(Instant.now()));
        ps.setString(3, request);
        ps.setString(4, new String(response, StandardCharsets.UTF_8));
        ps.setString(5, new String(explanationGz, StandardCharsets.ISO_8859_1));
    }
}
