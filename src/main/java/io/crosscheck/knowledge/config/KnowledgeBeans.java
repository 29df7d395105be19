package io.crosscheck.knowledge.config;

import io.crosscheck.engine.KnowledgeBaseCompiler;
import io.crosscheck.knowledge.service.CompiledModuleCache;
import io.crosscheck.knowledge.service.DatabaseModuleCache;
import io.crosscheck.knowledge.service.DiskModuleCache;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The one knowledge-base builder of the service, shared by start-up, reload and replay: the
 * executable model (evaluates about twice as fast as interpreted DRL, BENCHMARKS.md), its compiled
 * module cached by content hash on disk and in the database, so an unchanged rule set compiles once.
 */
public class KnowledgeBeans {

    @Produces
    @Singleton
    KnowledgeBaseBuilder knowledgeBaseBuilder(PerformanceConfig config) {
        KnowledgeBaseCompiler compiler = new KnowledgeBaseCompiler(Clock.systemUTC(), config.executableModel());
        List<CompiledModuleCache> caches = new java.util.ArrayList<>();
        config.moduleCacheDir().filter(d -> !d.isBlank()).ifPresent(d -> caches.add(new DiskModuleCache(Path.of(d))));
        if (config.moduleCacheDb()) {
            caches.add(new DatabaseModuleCache());
        }
        return new KnowledgeBaseBuilder(compiler, caches);
    }
}
