package io.crosscheck.knowledge.service;

import io.crosscheck.knowledge.KnowledgeBase;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import io.crosscheck.knowledge.model.KnowledgeSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the knowledge base that serves requests. It is built once at start-up from the rules
 * directory (or the packaged copy); a build error stops start-up with file:line:column messages.
 */
@ApplicationScoped
public class KnowledgeBaseService {
    private static final Logger LOG = Logger.getLogger(KnowledgeBaseService.class);

    private final KnowledgeConfig config;
    private final KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
    private final KnowledgeSourceReader reader = new KnowledgeSourceReader();
    private final AtomicReference<KnowledgeBase> current = new AtomicReference<>();

    KnowledgeBaseService(KnowledgeConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        current();
    }

    /** The knowledge base serving now; each request should read it once and use that instance throughout. */
    public KnowledgeBase current() {
        KnowledgeBase kb = current.get();
        if (kb == null) {
            synchronized (this) {
                kb = current.get();
                if (kb == null) {
                    kb = builder.build(readSource());
                    current.set(kb);
                    LOG.infof("Knowledge base %s loaded from %s: %d rules", kb.version(), kb.source().origin(), kb.rules().size());
                }
            }
        }
        return kb;
    }

    KnowledgeSource readSource() {
        Path rules = Path.of(config.rulesDir());
        if (Files.isDirectory(rules)) {
            return reader.fromDirectories(rules, Path.of(config.docsDir()));
        }
        if (!config.packagedFallback()) {
            throw new IllegalStateException("rules directory " + rules.toAbsolutePath() + " does not exist");
        }
        LOG.infof("Rules directory %s not found; using the knowledge base packaged in the application", rules.toAbsolutePath());
        return reader.packaged();
    }
}
