package io.crosscheck.authoring.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How an untrusted candidate knowledge base is checked in a process of its own (docs/adr/0007; see
 * {@code ## Candidate sandbox} in application.properties).
 */
@ConfigMapping(prefix = "crosscheck.authoring.sandbox")
public interface SandboxConfig {

    /**
     * Check uploaded, proposed and replayed candidates in a separate process. Off only to investigate a
     * problem with the sandbox itself: candidates are then checked inside the service, as before ADR 0007.
     */
    @WithDefault("true")
    boolean enabled();

    /** Wall-clock limit of one check; the process is killed and the candidate rejected after it. */
    @WithDefault("120S")
    Duration timeout();

    /** The check's heap (-Xmx); a candidate that needs more is rejected. */
    @WithDefault("384m")
    String maxHeap();

    /** The most the check may write as its answer; more is a rejection. */
    @WithDefault("4194304")
    int maxOutputBytes();

    /** Checks running at once; more wait their turn (each is a JVM of its own). */
    @WithDefault("2")
    int maxConcurrent();
}
