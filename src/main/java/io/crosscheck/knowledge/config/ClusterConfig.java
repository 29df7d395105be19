package io.crosscheck.knowledge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Running several identical nodes on one database ({@code ## Cluster} in application.properties).
 * Off (the embedded single-node default), a node serves its rules directory as before; on, the active
 * version in the database is the source of truth: a node starts with it and follows every activation.
 */
@ConfigMapping(prefix = "crosscheck.cluster")
public interface ClusterConfig {

    /** Serve the database's active knowledge-base version and follow its changes. */
    @WithDefault("false")
    boolean enabled();

    /** This node's name in stored jobs and logs (the pod name in Kubernetes); unset: host name and process id. */
    Optional<String> nodeName();

    /** How often a node compares the active version in the database with the one it serves (one row by key). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** A new version is activated only after an author other than its uploader approved it. */
    @WithDefault("false")
    boolean requireApproval();
}
