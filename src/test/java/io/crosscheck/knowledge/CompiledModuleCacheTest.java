package io.crosscheck.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseCompiler;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.CompiledModuleCache;
import io.crosscheck.knowledge.service.DatabaseModuleCache;
import io.crosscheck.knowledge.service.DiskModuleCache;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled executable-model module of a rule set is kept in the database (table kb_compiled, a
 * bytea on PostgreSQL) and on disk, so a restart or another node loads it instead of compiling: a
 * builder that finds it saves nothing (a compile always saves), and the loaded knowledge base is the
 * same version with the same rules.
 */
@QuarkusTest
class CompiledModuleCacheTest {

    @Inject
    KnowledgeBaseService knowledgeBases;

    @TempDir
    Path dir;

    @Test
    void aRuleSetCompiledOnceIsLoadedFromTheDatabaseByAFreshBuilder() {
        assertLoadedTheSecondTime(new DatabaseModuleCache());
    }

    @Test
    void aRuleSetCompiledOnceIsLoadedFromDiskByAFreshBuilder() {
        assertLoadedTheSecondTime(new DiskModuleCache(dir));
    }

    private void assertLoadedTheSecondTime(CompiledModuleCache store) {
        KnowledgeSource source = knowledgeBases.current().source();
        AtomicInteger saves = new AtomicInteger();
        CompiledModuleCache counting = new CompiledModuleCache() {
            @Override
            public Optional<byte[]> find(String key) {
                return store.find(key);
            }

            @Override
            public void save(String key, String kbVersion, byte[] module) {
                saves.incrementAndGet();
                store.save(key, kbVersion, module);
            }
        };
        KnowledgeBase first = builder(counting).build(source);
        int savesAfterFirst = saves.get(); // 1 if compiled here, 0 if the service had stored it already

        KnowledgeBaseBuilder fresh = builder(counting);
        KnowledgeBase second = fresh.build(source);

        assertThat(saves.get())
                .as("the second build loads the stored module, compiling nothing")
                .isEqualTo(savesAfterFirst);
        assertThat(store.find(KnowledgeBaseBuilder.cacheKey(source)))
                .get()
                .satisfies(m -> assertThat(m.length).isGreaterThan(1_000));
        assertThat(second.version()).isEqualTo(first.version()).isEqualTo(source.contentHash());
        assertThat(second.rules()).hasSameSizeAs(first.rules());
        fresh.release(second);
        builder(counting).release(first);
    }

    private static KnowledgeBaseBuilder builder(CompiledModuleCache cache) {
        return new KnowledgeBaseBuilder(new KnowledgeBaseCompiler(Clock.systemUTC(), true), List.of(cache));
    }
}
