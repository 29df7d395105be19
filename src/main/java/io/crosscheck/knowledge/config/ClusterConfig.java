package io.crosscheck.knowledge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Running several identical nodes on one database ({@code ## Cluster} in application.properties). In every mode a
 * node starts with the active version in the database; on, it also follows every activation made elsewhere, and its
 * own rules directory is no candidate at start-up.
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

    /**
     * A version that was never live is activated only after an author other than its proposer approved it, on one
     * node as in a cluster (the name is historical).
     */
    @WithDefault("false")
    boolean requireApproval();
}
