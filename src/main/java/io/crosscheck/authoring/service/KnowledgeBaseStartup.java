package io.crosscheck.authoring.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.config.ClusterConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeBaseRegistry;
import io.crosscheck.knowledge.service.KnowledgeBaseRegistry.ActiveVersion;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.knowledge.service.KnowledgeBaseService.ReloadResult;
import io.crosscheck.knowledge.service.RulesDirectorySeen;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What a starting node serves (issue 24): the active version recorded in the database, in every mode. The
 * rules directory (or the packaged copy) is only a candidate: when its content differs from the active version
 * and changed since the directory was last read ({@link RulesDirectorySeen}: start-up, a reload of the directory,
 * a file-watch save), it goes through what a reload goes through (compile, lint, scenario suite and, where
 * {@code crosscheck.cluster.require-approval} is on, an approval; one that passed without approval is stored as a
 * proposal) and serves only if it passes; otherwise it is recorded as rejected, with its problems, and the active
 * version keeps serving. A restart alone thus never changes what serves: a roll back, an upload or a revert made
 * through the API stays. In a cluster the rules directory is no candidate at all: the nodes of a
 * rolling upgrade must not switch the deployment's version; authors activate through the API.
 *
 * <p>A database without an active version (the first start) is seeded from the rules directory after the same
 * validation, without an approval (there is nothing to approve it against): a set that fails stops start-up with
 * its file:line:column problems. Runs before the warm-up and the other start-up observers that read the serving
 * knowledge base.
 */
@ApplicationScoped
public class KnowledgeBaseStartup {
    private static final Logger LOG = Logger.getLogger(KnowledgeBaseStartup.class);
    static final String BY = "startup";

    private final KnowledgeBaseService knowledgeBases;
    private final KnowledgeBaseRegistry registry;
    private final KnowledgeBaseBuilder builder;
    private final KnowledgeBaseValidator validator;
    private final ReloadService reloads;
    private final ClusterConfig cluster;
    private final RulesDirectorySeen seen;
    private final Clock clock = Clock.systemUTC();

    KnowledgeBaseStartup(
            KnowledgeBaseService knowledgeBases,
            KnowledgeBaseRegistry registry,
            KnowledgeBaseBuilder builder,
            KnowledgeBaseValidator validator,
            ReloadService reloads,
            ClusterConfig cluster,
            RulesDirectorySeen seen) {
        this.knowledgeBases = knowledgeBases;
        this.registry = registry;
        this.builder = builder;
        this.validator = validator;
        this.reloads = reloads;
        this.cluster = cluster;
        this.seen = seen;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        start();
    }

    /**
     * Decides and puts live what this node serves; throws (start-up fails) only when nothing valid can serve.
     *
     * @return the version serving afterwards
     */
    String start() {
        Optional<ActiveVersion> active = registry.active();
        KnowledgeSource disk;
        try {
            disk = knowledgeBases.readSource();
        } catch (RuntimeException e) {
            if (active.isEmpty()) {
                throw e;
            }
            LOG.warnf("The rules directory cannot be read (%s); it is not offered as a candidate", e.getMessage());
            disk = null;
        }
        if (active.isEmpty()) {
            return seed(disk);
        }
        return withActive(active.get(), disk);
    }

    /** The first start: the rules directory, validated, becomes the first active version. */
    private String seed(KnowledgeSource disk) {
        long started = System.nanoTime();
        KnowledgeBaseValidator.Validation v = validator.validate(disk);
        if (!v.valid()) {
            registry.recordRejected(disk.contentHash(), BY, clock.instant(), v.problems());
            LOG.errorf(
                    "No active knowledge-base version yet and %s (%s) fails validation: nothing to serve",
                    disk.origin(), disk.contentHash());
            throw new KnowledgeBaseException(v.problems());
        }
        KnowledgeBase kb = v.knowledgeBase();
        seen.record(kb.version(), BY, clock.instant());
        knowledgeBases.serve(kb, "accepted " + kb.version() + " at startup (first version)");
        registry.recordAccepted(kb, BY, clock.instant(), true);
        LOG.infof(
                "Knowledge base %s loaded from %s: %d rules; validated in %d ms and recorded as the first active version%s",
                kb.version(),
                kb.source().origin(),
                kb.rules().size(),
                (System.nanoTime() - started) / 1_000_000,
                cluster.requireApproval() ? " (a first version needs no approval: there is nothing before it)" : "");
        return kb.version();
    }

    private String withActive(ActiveVersion active, KnowledgeSource disk) {
        if (disk != null && disk.contentHash().equals(active.version())) {
            serveActive(active, builder.build(disk));
            seen.record(disk.contentHash(), BY, clock.instant());
            return active.version();
        }
        List<KnowledgeProblem> activeProblems = new ArrayList<>();
        try {
            serveActive(active, builder.build(stored(active.version())));
        } catch (KnowledgeBaseException | IllegalStateException e) {
            activeProblems.addAll(
                    e instanceof KnowledgeBaseException k
                            ? k.problems()
                            : List.of(new KnowledgeProblem("registry:" + active.version(), 0, 0, e.getMessage())));
            LOG.errorf(
                    "The active knowledge-base version %s cannot be built by this application (%d problem(s)); "
                            + "the rules directory is offered in its place",
                    active.version(), activeProblems.size());
        }
        boolean serving = activeProblems.isEmpty();
        if (disk == null) {
            return serving ? active.version() : fail(activeProblems, List.of());
        }
        String candidate = disk.contentHash();
        if (serving && cluster.enabled()) {
            LOG.infof(
                    "Cluster mode: %s (%s) differs from the active version %s and is not offered at start-up; "
                            + "upload it as a proposal to put it live on every node",
                    disk.origin(), candidate, active.version());
            return active.version();
        }
        Optional<RulesDirectorySeen.Seen> last = seen.last();
        if (serving && last.map(l -> l.contentHash().equals(candidate)).orElse(false)) {
            LOG.infof(
                    "%s still holds %s, unchanged since it was read at %s (by %s; its outcome is in the load history); "
                            + "the active version %s (activated by %s at %s) keeps serving",
                    disk.origin(),
                    candidate,
                    last.get().at(),
                    last.get().by(),
                    active.version(),
                    active.activatedBy(),
                    active.activatedAt());
            return active.version();
        }
        LOG.infof(
                "%s holds %s, which differs from the active version %s: validating it as a candidate",
                disk.origin(), candidate, active.version());
        long started = System.nanoTime();
        ReloadResult result = reloads.offer(BY, disk, true);
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (result.accepted()) {
            LOG.infof("%s (%s) passed in %d ms and is now the active version", disk.origin(), candidate, ms);
            return candidate;
        }
        result.problems().forEach(p -> LOG.warn(p.toString()));
        if (!serving) {
            return fail(activeProblems, result.problems());
        }
        LOG.warnf(
                "%s (%s) was rejected at start-up (checked in %d ms) with %d problem(s), recorded in the load history; "
                        + "the active version %s keeps serving",
                disk.origin(), candidate, ms, result.problems().size(), active.version());
        return active.version();
    }

    private void serveActive(ActiveVersion active, KnowledgeBase kb) {
        knowledgeBases.serve(kb, "accepted " + kb.version() + " at startup (the active version)");
        registry.recordAccepted(kb, BY, clock.instant(), false);
        LOG.infof(
                "Knowledge base %s, the active version (activated by %s at %s), loaded from %s: %d rules",
                kb.version(),
                active.activatedBy(),
                active.activatedAt(),
                kb.source().origin(),
                kb.rules().size());
    }

    private KnowledgeSource stored(String version) {
        return new KnowledgeSource(
                "registry:" + version,
                registry.files(version)
                        .orElseThrow(() -> new IllegalStateException(
                                "the active version " + version + " is not in the registry")));
    }

    private static String fail(List<KnowledgeProblem> active, List<KnowledgeProblem> candidate) {
        List<KnowledgeProblem> all = new ArrayList<>(active);
        all.addAll(candidate);
        throw new KnowledgeBaseException(all);
    }
}
