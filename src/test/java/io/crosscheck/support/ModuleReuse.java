package io.crosscheck.support;

import io.crosscheck.engine.KnowledgeBaseCompiler;
import io.crosscheck.knowledge.service.DiskModuleCache;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The builder of tests that build the shipped rules again and again with other reference data, scenarios or pages (the
 * lint tests of the catalogue's client side): the executable model, its compiled modules kept in the project's module
 * cache ({@code data/kb-cache}, where the tests' applications keep theirs), so each such build loads the rules'
 * module instead of compiling the same DRL again, as the service does on a reload of reference data.
 */
public final class ModuleReuse {

    public static final KnowledgeBaseBuilder BUILDER = builder(Path.of("data", "kb-cache"));

    private ModuleReuse() {}

    /** A builder as the service's (the executable model), its compiled modules kept in {@code dir}. */
    public static KnowledgeBaseBuilder builder(Path dir) {
        return new KnowledgeBaseBuilder(
                new KnowledgeBaseCompiler(Clock.systemUTC(), true), List.of(new DiskModuleCache(dir)));
    }
}
