package io.crosscheck.authoring.service;

import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * In dev mode ({@code crosscheck.knowledge.watch=true}), offers the rules directory as a candidate when a file
 * under the rules or docs directory changes. It goes through the same validation (and approval, where required)
 * as the API and start-up, so a broken edit is reported in the log and the running knowledge base keeps serving.
 */
@ApplicationScoped
public class RulesWatcher {
    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);

    private static final String BY = "file-watch";

    private final KnowledgeConfig config;
    private final ReloadService reloads;
    private final KnowledgeBaseService knowledgeBases;
    private List<Path> roots = List.of();
    private WatchService watcher;
    private Thread thread;

    RulesWatcher(KnowledgeConfig config, ReloadService reloads, KnowledgeBaseService knowledgeBases) {
        this.knowledgeBases = knowledgeBases;
        this.config = config;
        this.reloads = reloads;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        Path rules = Path.of(config.rulesDir());
        if (!config.watch() || !Files.isDirectory(rules)) {
            return;
        }
        watcher = FileSystems.getDefault().newWatchService();
        roots = List.of(rules.toAbsolutePath(), Path.of(config.docsDir()).toAbsolutePath());
        registerAll();
        thread = new Thread(this::loop, "crosscheck-rules-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Watching %s for rule changes", rules.toAbsolutePath());
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }

    /**
     * Every directory under both roots, and each root's parent (for the root itself: a checkout or a copy that
     * deletes and recreates {@code rules/} or {@code kb-docs/} invalidates the keys beneath it, and the new
     * directory would otherwise go unwatched), unless that parent is under the other root and watched with it.
     * Registering a directory already registered is a no-op.
     */
    private void registerAll() throws IOException {
        for (Path root : roots) {
            Path parent = root.getParent();
            if (parent != null && !inTree(parent) && Files.isDirectory(parent)) {
                parent.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
            }
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> dirs = Files.walk(root)) {
                for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                    d.register(
                            watcher,
                            StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                boolean relevant = drain(watcher.take());
                // debounce: editors write several events per save
                WatchKey more;
                while ((more = watcher.poll(config.watchDebounce().toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                // directories created meanwhile are watched before the tree is read: a file written into one
                // before this point is in what offer() reads, one written after it raises an event
                registerAll();
                if (relevant) {
                    offer();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("Rules watcher stopped", e);
        }
    }

    /**
     * The same rule as start-up: the directory is a candidate only when its content differs from the version
     * serving (a save that changes nothing is not validated again); then validated and, where approval is required,
     * refused without it (a save is a working state, not stored as a proposal: propose it when it is ready).
     */
    private void offer() {
        KnowledgeSource source;
        try {
            source = knowledgeBases.readSource();
        } catch (RuntimeException e) {
            reloads.reload(BY); // unreadable: recorded as a rejected load, as before
            return;
        }
        if (source.contentHash().equals(knowledgeBases.current().version())) {
            LOG.debugf("%s unchanged (%s serves); nothing to validate", source.origin(), source.contentHash());
            return;
        }
        KnowledgeBaseService.ReloadResult r = reloads.offer(BY, source, false);
        if (!r.accepted()) {
            r.problems().forEach(p -> LOG.warn(p.toString()));
        }
    }

    /** Whether the key's events touch the knowledge base (a root's parent's only when they name the root). */
    private boolean drain(WatchKey key) {
        List<WatchEvent<?>> events = key.pollEvents();
        key.reset();
        Path dir = (Path) key.watchable();
        return inTree(dir)
                || events.stream()
                        .anyMatch(e -> e.kind() == StandardWatchEventKinds.OVERFLOW
                                || roots.contains(dir.resolve((Path) e.context())));
    }

    private boolean inTree(Path dir) {
        return roots.stream().anyMatch(dir::startsWith);
    }
}
