package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.config.ClusterConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * In a cluster ({@code crosscheck.cluster.enabled}), makes this node serve the deployment's active
 * knowledge-base version: every {@code poll-interval} it reads the one row of {@code kb_active} (by key,
 * a cheap check) and, when the version differs from the one serving, builds that version from its
 * stored files and swaps it in. An activation on any node is thus served by every node within about one
 * interval plus the build (the compiled module is usually in the database cache). A failed check (the
 * database away) or build is logged once and tried again at the next interval.
 */
@ApplicationScoped
public class ActiveVersionFollower {
    private static final Logger LOG = Logger.getLogger(ActiveVersionFollower.class);

    private final ClusterConfig config;
    private final KnowledgeBaseRegistry registry;
    private final KnowledgeBaseService knowledgeBases;
    private ScheduledExecutorService poller;
    private volatile String lastFailure;

    ActiveVersionFollower(ClusterConfig config, KnowledgeBaseRegistry registry, KnowledgeBaseService knowledgeBases) {
        this.config = config;
        this.registry = registry;
        this.knowledgeBases = knowledgeBases;
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        long every = Math.max(50, config.pollInterval().toMillis());
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crosscheck-kb-follower");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Cluster mode: following the active knowledge-base version in the database every %d ms", every);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** One check: follow the active version if this node serves another. Also called by tests. */
    public boolean check() {
        if (!knowledgeBases.loaded()) {
            return false; // start-up is still loading it
        }
        try {
            boolean changed = registry.active()
                    .filter(a -> !a.version().equals(knowledgeBases.current().version()))
                    .map(a -> knowledgeBases.follow(
                            a.version(),
                            () -> new KnowledgeSource(
                                    "registry:" + a.version(),
                                    registry.files(a.version())
                                            .orElseThrow(() -> new IllegalStateException(
                                                    "the active version " + a.version() + " is not in the registry")))))
                    .orElse(false);
            if (lastFailure != null) {
                LOG.infof("Following the active knowledge-base version works again");
                lastFailure = null;
            }
            return changed;
        } catch (RuntimeException e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!Objects.equals(failure, lastFailure)) {
                // the exception class and message only: a knowledge-base problem, never client data
                LOG.warnf("Cannot follow the active knowledge-base version (will retry): %s", failure);
                lastFailure = failure;
            }
            return false;
        }
    }
}
