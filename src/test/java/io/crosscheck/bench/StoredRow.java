package io.crosscheck.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The screening row as the service stores it since V105 (request, response and explanation compressed), for the floor's commit ({@link FloorBenchmark}). */
final class StoredRow {
    private StoredRow() {}

    static final String INSERT = "insert into screening (id, client_ref, created_at, kb_version, request_gz,"
            + " response_gz, explanation_gz, clinic_id, referral_urgency, pattern_status)"
            + " values (?, 'pseudo-bench', ?, 'sha256:bench', ?, ?, ?, 'clinic-a', 'none', 'UCS=consistent')";

    static final String INSERT_AUDIT = "insert into audit_entry (id, recorded_at, actor, clinic_id, action, subject,"
            + " kb_version, address, detail) values (?, ?, 'bench', 'clinic-a', 'screening.create', ?, ?,"
            + " '127.0.0.1', null)";

    static void bind(PreparedStatement ps, UUID id, byte[] requestGz, byte[] responseGz, byte[] explanationGz)
            throws SQLException {
        ps.setObject(1, id);
        ps.setTimestamp(2, Timestamp.from(Instant.now()));
        ps.setBytes(3, requestGz);
        ps.setBytes(4, responseGz);
        ps.setBytes(5, explanationGz);
    }

    /** One screening as the service stores it: its row ({@link #INSERT}) and its audit row ({@link #INSERT_AUDIT}). */
    static void insert(
            PreparedStatement screening,
            PreparedStatement audit,
            String kbVersion,
            byte[] requestGz,
            byte[] responseGz,
            byte[] explanationGz)
            throws SQLException {
        UUID id = UUID.randomUUID();
        bind(screening, id, requestGz, responseGz, explanationGz);
        screening.executeUpdate();
        audit.setObject(1, UUID.randomUUID());
        audit.setTimestamp(2, Timestamp.from(Instant.now()));
        audit.setString(3, id.toString());
        audit.setString(4, kbVersion);
        audit.executeUpdate();
    }

    /** The application's own migrations on {@code url} (in {@code schema}; null: the database's default). */
    static void migrate(String url, String user, String schema) {
        var flyway = org.flywaydb.core.Flyway.configure()
                .dataSource(url, user, "")
                .locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:future");
        if (schema != null) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
    }
}
