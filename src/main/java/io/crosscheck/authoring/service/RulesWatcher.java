package io.crosscheck.authoring.service;

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
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * In dev mode ({@code crosscheck.knowledge.watch=true}), reloads the knowledge base when a file
 * under the rules or docs directory changes. The reload goes through the same validation as the
 * API, so a broken edit is reported in the log and the running knowledge base keeps serving.
 */
@ApplicationScoped
public class RulesWatcher {
    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);

    private final KnowledgeConfig config;
    private final ReloadService reloads;
    private WatchService watcher;
    private Thread thread;

    RulesWatcher(KnowledgeConfig config, ReloadService reloads) {
        this.config = config;
        this.reloads = reloads;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        Path rules = Path.of(config.rulesDir());
        if (!config.watch() || !Files.isDirectory(rules)) {
            return;
        }
        watcher = FileSystems.getDefault().newWatchService();
        register(rules);
        register(Path.of(config.docsDir()));
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

    private void register(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
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

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                // debounce: editors write several events per save
                WatchKey more;
                while ((more = watcher.poll(config.watchDebounce().toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                register(Path.of(config.rulesDir()));
                KnowledgeBaseService.ReloadResult r = reloads.reload("file-watch");
                if (!r.accepted()) {
                    r.problems().forEach(p -> LOG.warn(p.toString()));
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("Rules watcher stopped", e);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }
}
