package io.crosscheck.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.engine.KnowledgeSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads knowledge-base versions from the service's database over plain JDBC (read-only), for the command line:
 * the deployment's active version and the files of any stored version, one that went live ({@code kb_version}) or
 * a proposal ({@code kb_proposal}). The same tables the registry writes; nothing is written here.
 */
final class StoredVersions {

    /** The name that stands for the deployment's active version. */
    static final String ACTIVE = "active";

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {};

    private final Connection db;
    private final ObjectMapper json;

    StoredVersions(Connection db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The active version's hash, empty when nothing was ever activated. */
    Optional<String> active() throws SQLException {
        try (PreparedStatement q = db.prepareStatement("select version from kb_active where id = 1");
                ResultSet rs = q.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    /**
     * A stored version as a knowledge source whose origin names it ({@code registry:sha256:...}); {@code version}
     * may be {@link #ACTIVE}. Empty when no such version is stored.
     */
    Optional<KnowledgeSource> source(String version) throws SQLException, IOException {
        String resolved = ACTIVE.equals(version) ? active().orElse(null) : version;
        if (resolved == null) {
            return Optional.empty();
        }
        for (String table : new String[] {"kb_version", "kb_proposal"}) {
            try (PreparedStatement q = db.prepareStatement("select files_json from " + table + " where version = ?")) {
                q.setString(1, resolved);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(
                                new KnowledgeSource("registry:" + resolved, json.readValue(rs.getString(1), FILES)));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
