package io.crosscheck.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The screening row as the service stores it since V103, for the floor's commit ({@link FloorBenchmark}). */
final class StoredRow {
    private StoredRow() {}

    static final String INSERT = "insert into screening (id, client_ref, created_at, kb_version, request_json,"
            + " response_gz, explanation_gz, clinic_id, referral_urgency, pattern_status)"
            + " values (?, 'pseudo-bench', ?, 'sha256:bench', ?, ?, ?, 'clinic-a', 'none', 'UCS=consistent')";

    static void bind(PreparedStatement ps, UUID id, String request, byte[] responseGz, byte[] explanationGz)
            throws SQLException {
        ps.setObject(1, id);
        ps.setTimestamp(2, Timestamp.from(Instant.now()));
        ps.setString(3, request);
        ps.setBytes(4, responseGz);
        ps.setBytes(5, explanationGz);
    }
}
