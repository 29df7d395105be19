package io.crosscheck.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The audit log's settings ({@code crosscheck.audit.*}); the {@code audit-check} command line uses the same file defaults. */
@ConfigMapping(prefix = "crosscheck.audit")
public interface AuditConfig {

    /**
     * Where the HMAC key is generated once and read when no key is configured: the service user's configuration
     * directory, never the data directory ({@code ${user.home}} is expanded by SmallRye Config and by picocli alike).
     */
    String DEFAULT_KEY_FILE = "${user.home}/.config/crosscheck/audit.key";
    /** Where the chain head is checkpointed outside the database. */
    String DEFAULT_CHECKPOINT_FILE = "data/audit-head";

    /** HMAC key of the chain (CROSSCHECK_AUDIT_KEY), never stored in the database; unset or blank: the key file. */
    Optional<String> key();

    /** The key file used without a configured key: generated once (owner-only); refused inside the data directory. */
    @WithDefault(DEFAULT_KEY_FILE)
    Path keyFile();

    /** The chain head's checkpoint file beside the database row; set empty for none. */
    @WithDefault(DEFAULT_CHECKPOINT_FILE)
    Optional<Path> checkpointFile();

    /** How often pending entries are numbered, chained and checkpointed, in milliseconds. */
    @WithDefault("200")
    long sealIntervalMs();

    /**
     * How long an entry may wait to be sealed: longer fails the chain check and this node's readiness (an entry
     * deleted while unsealed leaves no gap in the chain).
     */
    @WithDefault("PT1M")
    Duration maxPendingAge();

    /** How often the head is logged ({@code audit head seq=<n> mac=<hex>}) when it moved, for a log system to keep. */
    @WithDefault("PT1M")
    Duration publishInterval();
}
