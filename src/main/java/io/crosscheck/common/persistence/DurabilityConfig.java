package io.crosscheck.common.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How commits are made durable ({@code crosscheck.storage.*}); see docs/operations.md, "Durability". */
@ConfigMapping(prefix = "crosscheck.storage")
public interface DurabilityConfig {

    /**
     * On an embedded H2 file database, each write transaction is forced to stable storage before it is acknowledged
     * (concurrent commits share one force). Off: a commit reaches the operating system's cache only, which a crash
     * of the process survives but a power cut or kernel crash may not. No effect on PostgreSQL or in-memory H2.
     */
    @WithDefault("true")
    boolean durableCommits();
}
