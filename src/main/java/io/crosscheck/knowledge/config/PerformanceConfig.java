package io.crosscheck.knowledge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the knowledge base is built and warmed ({@code crosscheck.performance.*}; figures and method in BENCHMARKS.md). */
@ConfigMapping(prefix = "crosscheck.performance")
public interface PerformanceConfig {

    /** Run the start-up knowledge base's scenario suite once before reporting started, so the first screenings do not pay for it. */
    @WithDefault("true")
    boolean warmUp();

    /**
     * How long the start-up request warm-up may drive the whole request path over loopback HTTP before the service
     * reports ready (io.crosscheck.performance.RequestPathWarmUp); it stops earlier once the JIT has settled. Zero: none.
     */
    @WithDefault("20s")
    java.time.Duration requestWarmUp();

    /** The fewest requests the warm-up sends before it may stop on a settled JIT. */
    @WithDefault("2000")
    int requestWarmUpMinimum();

    /** Build Drools' executable model from the DRL (about twice as fast to evaluate, twice as slow to compile) instead of interpreting it. */
    @WithDefault("true")
    boolean executableModel();

    /** Directory caching compiled modules by content hash; set empty for none. */
    @WithDefault("data/kb-cache")
    Optional<String> moduleCacheDir();

    /** Also cache compiled modules in the database (kb_compiled), shared by every node. */
    @WithDefault("true")
    boolean moduleCacheDb();
}
