package io.crosscheck.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** The audit log's settings ({@code crosscheck.audit.*}); the {@code audit-check} command line uses the same file defaults. */
@ConfigMapping(prefix = "crosscheck.audit")
public interface AuditConfig {

    /** Where the HMAC key is generated once and read when no key is configured. */
    String DEFAULT_KEY_FILE = "data/audit.key";
    /** Where the chain head is checkpointed outside the database. */
    String DEFAULT_CHECKPOINT_FILE = "data/audit-head";

    /** HMAC key of the chain (CROSSCHECK_AUDIT_KEY), never stored in the database; unset or blank: the key file. */
    Optional<String> key();

    /** The key file used without a configured key: generated once (owner-only). */
    @WithDefault(DEFAULT_KEY_FILE)
    Path keyFile();

    /** The chain head's checkpoint file beside the database row; set empty for none. */
    @WithDefault(DEFAULT_CHECKPOINT_FILE)
    Optional<Path> checkpointFile();

    /** How often pending entries are numbered, chained and checkpointed, in milliseconds. */
    @WithDefault("200")
    long sealIntervalMs();
}
