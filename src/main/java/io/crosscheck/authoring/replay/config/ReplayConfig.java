package io.crosscheck.authoring.replay.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How replays of a candidate knowledge base run (see {@code ## Replay} in application.properties). */
@ConfigMapping(prefix = "crosscheck.replay")
public interface ReplayConfig {

    /** The default of {@link #optimisingCompilerFrom()}, also the command line's (which has no configuration). */
    String OPTIMISING_COMPILER_FROM = "12000";

    /** Stored screenings read per page (one short read-only transaction each). */
    @WithDefault("200")
    int batchSize();

    /** Example screening ids (or scenario files) kept per kind of change in a report. */
    @WithDefault("5")
    int examplesPerChange();

    /** Replays waiting or running at once; more are refused with 429 until one finishes. */
    @WithDefault("2")
    int maxPending();

    /** Finished replays kept in the database for GET; the oldest are deleted first. */
    @WithDefault("20")
    int retainedJobs();

    /** How often the node running a replay stores its progress and a heartbeat. */
    @WithDefault("PT2S")
    java.time.Duration heartbeatInterval();

    /**
     * The wall-clock limit of one replay's separate process (docs/adr/0007): it is killed after this and the
     * replay marked failed. Its compile must answer within {@code crosscheck.authoring.sandbox.timeout}.
     */
    @WithDefault("PT1H")
    java.time.Duration timeout();

    /**
     * A replay of at least this many stored screenings runs its process with the optimising compiler (C2); a smaller
     * one stops at C1, which compiles the two knowledge bases about 6 s sooner but then evaluates about 0.7 ms slower
     * per screening (bench/replay-child.md: C1 faster up to 10,000, C2 from 15,000).
     */
    @WithDefault(OPTIMISING_COMPILER_FROM)
    long optimisingCompilerFrom();

    /** A running replay without a heartbeat for this long (its node stopped) is marked failed. */
    @WithDefault("PT30S")
    java.time.Duration staleAfter();
}
