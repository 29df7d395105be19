package io.crosscheck.audit;

import io.crosscheck.common.config.KeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The audit chain's HMAC key: CROSSCHECK_AUDIT_KEY ({@code crosscheck.audit.key}), or else a key generated once into
 * {@code crosscheck.audit.key-file} (default {@code ~/.config/crosscheck/audit.key}, owner-only). The key file is
 * never inside the data directory (beside the database whose chain it protects): such a file is refused. A key left
 * at the old default place, {@code data/audit.key}, is moved to the key file once (the chain stays verifiable) and
 * removed from the data directory. Cluster mode needs the key set (a generated key is one node's own).
 */
final class AuditKey {
    private static final Logger LOG = Logger.getLogger(AuditKey.class);

    /** Where versions before issue 22 generated the key, beside the database. */
    static final Path LEGACY_KEY_FILE = Path.of("data", "audit.key");

    private AuditKey() {}

    static byte[] resolve(Optional<String> key, Path keyFile, boolean cluster, Optional<String> jdbcUrl) {
        Optional<String> configured = key.filter(k -> !k.isBlank());
        if (configured.isPresent()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        if (cluster) {
            throw new IllegalStateException(
                    "crosscheck.cluster.enabled needs the audit key shared by every node: set CROSSCHECK_AUDIT_KEY");
        }
        KeyFile.insideDataDirectory(keyFile, jdbcUrl).ifPresent(dir -> {
            throw new IllegalStateException("The audit key file " + keyFile.toAbsolutePath()
                    + " (crosscheck.audit.key-file) is inside the data directory " + dir
                    + ": whoever holds the database and that directory could rewrite the audit chain. Keep the key"
                    + " elsewhere (the default is ~/.config/crosscheck/audit.key) or set CROSSCHECK_AUDIT_KEY");
        });
        moveLegacyKey(keyFile);
        return KeyFile.readOrCreate(keyFile).getBytes(StandardCharsets.UTF_8);
    }

    /** Moves {@code data/audit.key} of an older version to the key file, so the existing chain still verifies. */
    private static void moveLegacyKey(Path keyFile) {
        if (!Files.isRegularFile(LEGACY_KEY_FILE)) {
            return;
        }
        try {
            String legacy =
                    Files.readString(LEGACY_KEY_FILE, StandardCharsets.UTF_8).trim();
            if (Files.exists(keyFile)) {
                if (!KeyFile.readOrCreate(keyFile).equals(legacy)) {
                    throw new IllegalStateException("Two audit keys: " + LEGACY_KEY_FILE.toAbsolutePath()
                            + " (inside the data directory, where older versions put it) and "
                            + keyFile.toAbsolutePath() + " differ. Move the one this database's chain was sealed with"
                            + " out of the data directory and name it in crosscheck.audit.key-file (or set"
                            + " CROSSCHECK_AUDIT_KEY)");
                }
            } else {
                Path tmp = keyFile.toAbsolutePath().resolveSibling(keyFile.getFileName() + ".moving");
                Files.deleteIfExists(tmp);
                KeyFile.readOrCreate(tmp);
                Files.writeString(tmp, legacy + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, keyFile.toAbsolutePath());
                LOG.infof(
                        "Audit key moved out of the data directory: %s -> %s",
                        LEGACY_KEY_FILE.toAbsolutePath(), keyFile.toAbsolutePath());
            }
            Files.delete(LEGACY_KEY_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the audit key out of the data directory: " + e.getMessage(), e);
        }
    }
}
