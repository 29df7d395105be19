package io.crosscheck.knowledge.service;

import io.crosscheck.knowledge.CompiledKnowledgeBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Compiled modules in the database (table kb_compiled), shared by every instance on it. */
public final class DatabaseModuleCache implements CompiledModuleCache {
    private static final Logger LOG = Logger.getLogger(DatabaseModuleCache.class);

    @Override
    public Optional<byte[]> find(String key) {
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> CompiledKnowledgeBase.<CompiledKnowledgeBase>findByIdOptional(key)
                            .map(c -> c.module));
        } catch (RuntimeException e) {
            LOG.warnf("Compiled module cache: cannot read %s from the database (%s); compiling", key, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void save(String key, String kbVersion, byte[] module) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (CompiledKnowledgeBase.findById(key) == null) {
                    CompiledKnowledgeBase c = new CompiledKnowledgeBase();
                    c.cacheKey = key;
                    c.kbVersion = kbVersion;
                    c.createdAt = Instant.now();
                    c.module = module;
                    c.persist();
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Compiled module cache: cannot write %s to the database (%s)", key, e.getMessage());
        }
    }
}
