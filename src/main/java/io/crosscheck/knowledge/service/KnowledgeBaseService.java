package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Holds the knowledge base that serves requests and swaps it atomically on reload.
 *
 * <p>Which version a starting node serves is decided by authoring's {@code KnowledgeBaseStartup} (the
 * database's active version; the rules directory is a candidate), which hands it to {@link #serve}. A reload builds and validates a candidate (the
 * validation is authoring's: compile, lint, scenario suite) on the caller's thread, never on a screening's, and swaps it in only if it
 * passes; a rejected candidate leaves the current one serving. Requests hold a {@link Lease}, so
 * those in flight finish on the knowledge base they started with; a superseded knowledge base is
 * released (and its KieModule removed from the KieRepository) when its last lease closes.
 */
@ApplicationScoped
public class KnowledgeBaseService {
    private static final Logger LOG = Logger.getLogger(KnowledgeBaseService.class);

    private final KnowledgeConfig config;
    private final KnowledgeBaseRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private final KnowledgeBaseBuilder builder;
    private final KnowledgeSourceReader reader = new KnowledgeSourceReader();
    private final AtomicReference<Live> current = new AtomicReference<>();
    private final ReentrantLock reloads = new ReentrantLock();

    KnowledgeBaseService(KnowledgeConfig config, KnowledgeBaseRegistry registry, KnowledgeBaseBuilder builder) {
        this.config = config;
        this.registry = registry;
        this.builder = builder;
    }

    /** A knowledge base in use by one request. Close it when the request is done. */
    public interface Lease extends AutoCloseable {
        KnowledgeBase knowledgeBase();

        @Override
        void close();
    }

    /**
     * A candidate knowledge base and what a validation found wrong with it; valid when it compiled and
     * nothing was found. The knowledge base of a rejected candidate has been released (null).
     */
    public interface Candidate {
        KnowledgeBase knowledgeBase();

        List<KnowledgeProblem> problems();

        default boolean valid() {
            return knowledgeBase() != null && problems().isEmpty();
        }
    }

    /** The outcome of a reload. */
    public record ReloadResult(
            boolean accepted, String version, String previousVersion, List<KnowledgeProblem> problems) {}

    private final class Live {
        final KnowledgeBase kb;
        final AtomicInteger leases = new AtomicInteger();
        final AtomicBoolean superseded = new AtomicBoolean();
        final AtomicBoolean released = new AtomicBoolean();

        Live(KnowledgeBase kb) {
            this.kb = kb;
        }

        void releaseIfIdle() {
            if (superseded.get() && leases.get() == 0 && released.compareAndSet(false, true)) {
                builder.release(kb);
                LOG.infof("Knowledge base %s released", kb.version());
            }
        }
    }

    /**
     * Puts a knowledge base live without validating or recording it: start-up's choice (which version a
     * starting node serves, and what was checked first, is authoring's: {@code KnowledgeBaseStartup}).
     * Serialised with reloads; one serving already is superseded.
     */
    public void serve(KnowledgeBase kb, String note) {
        reloads.lock();
        try {
            swapIn(new Live(kb));
            lastLoad = note;
        } finally {
            reloads.unlock();
        }
    }

    private void swapIn(Live next) {
        Live old = current.getAndSet(next);
        if (old != null) {
            old.superseded.set(true);
            old.releaseIfIdle();
        }
    }

    /** Leases the knowledge base serving now; use it for the whole request. */
    public Lease acquire() {
        while (true) {
            Live live = current.get();
            if (live == null) {
                throw new IllegalStateException("knowledge base not loaded yet");
            }
            live.leases.incrementAndGet();
            if (current.get() == live) {
                AtomicBoolean closed = new AtomicBoolean();
                return new Lease() {
                    @Override
                    public KnowledgeBase knowledgeBase() {
                        return live.kb;
                    }

                    @Override
                    public void close() {
                        if (closed.compareAndSet(false, true)) {
                            live.leases.decrementAndGet();
                            live.releaseIfIdle();
                        }
                    }
                };
            }
            // swapped between read and increment: give it back and take the new one
            live.leases.decrementAndGet();
            live.releaseIfIdle();
        }
    }

    private volatile String lastLoad;

    /** The outcome of the last load attempt in this process ("accepted sha256:... by x" / "rejected ..."), for health. */
    public java.util.Optional<String> lastLoad() {
        return java.util.Optional.ofNullable(lastLoad);
    }

    /** Whether start-up has loaded a knowledge base yet. */
    public boolean loaded() {
        return current.get() != null;
    }

    /** The knowledge base serving now, for read-only views (registry, vocabulary). */
    public KnowledgeBase current() {
        Live live = current.get();
        if (live == null) {
            throw new IllegalStateException("knowledge base not loaded yet");
        }
        return live.kb;
    }

    /**
     * Reads the configured directories, has {@code validation} decide whether the candidate may go live
     * and, only if it may, swaps it in. Reloads are serialised; screenings are never blocked. Which checks
     * a candidate must pass is the caller's (authoring's) business; the swap and its bookkeeping are here.
     */
    public ReloadResult reload(String by, Function<KnowledgeSource, Candidate> validation) {
        return reload(by, this::readSource, validation);
    }

    /**
     * As {@link #reload(String, Function)} for a candidate from elsewhere than the configured directories
     * (an uploaded archive, a stored version); {@code source} failing is a rejected load.
     */
    public ReloadResult reload(
            String by,
            java.util.function.Supplier<KnowledgeSource> candidateSource,
            Function<KnowledgeSource, Candidate> validation) {
        reloads.lock();
        try {
            String previous = loaded() ? current().version() : null;
            KnowledgeSource source;
            try {
                source = candidateSource.get();
            } catch (RuntimeException e) {
                List<KnowledgeProblem> problems =
                        List.of(new KnowledgeProblem(config.rulesDir(), 0, 0, e.getMessage()));
                registry.recordRejected(null, by, clock.instant(), problems);
                lastLoad = "rejected (unreadable source) by " + by;
                return new ReloadResult(false, null, previous, problems);
            }
            Candidate candidate = validation.apply(source);
            if (!candidate.valid()) {
                registry.recordRejected(source.contentHash(), by, clock.instant(), candidate.problems());
                String keeps = previous == null ? "nothing serves yet" : previous + " keeps serving";
                lastLoad = "rejected " + source.contentHash() + " by " + by + "; " + keeps;
                LOG.warnf(
                        "Reload by %s rejected: %d problem(s); %s",
                        by, candidate.problems().size(), keeps);
                return new ReloadResult(false, source.contentHash(), previous, candidate.problems());
            }
            Live next = new Live(candidate.knowledgeBase());
            swapIn(next);
            registry.recordAccepted(next.kb, by, clock.instant());
            lastLoad = "accepted " + next.kb.version() + " by " + by;
            LOG.infof("Reload by %s: knowledge base %s replaces %s", by, next.kb.version(), previous);
            return new ReloadResult(true, next.kb.version(), previous, List.of());
        } finally {
            reloads.unlock();
        }
    }

    /**
     * Puts live a version that was activated elsewhere (by another node): built from its stored files (the
     * compiled module usually comes from the cache), without validation (the activating node validated
     * it) and without a new activation. Serialised with reloads; a version serving already is left alone.
     *
     * @return whether this node now serves a different version
     */
    public boolean follow(String version, java.util.function.Supplier<KnowledgeSource> source) {
        reloads.lock();
        try {
            String previous = current().version();
            if (previous.equals(version)) {
                return false;
            }
            KnowledgeBase kb = builder.build(source.get());
            swapIn(new Live(kb));
            lastLoad = "followed the active version " + kb.version();
            LOG.infof("Knowledge base %s activated in the cluster replaces %s", kb.version(), previous);
            return true;
        } finally {
            reloads.unlock();
        }
    }

    /** The configured rules and docs directories, or the copy packaged in the application. */
    public KnowledgeSource readSource() {
        Path rules = Path.of(config.rulesDir());
        if (Files.isDirectory(rules)) {
            return reader.fromDirectories(rules, Path.of(config.docsDir()));
        }
        if (!config.packagedFallback()) {
            throw new IllegalStateException("rules directory " + rules.toAbsolutePath() + " does not exist");
        }
        LOG.infof(
                "Rules directory %s not found; using the knowledge base packaged in the application",
                rules.toAbsolutePath());
        return reader.packaged();
    }
}
