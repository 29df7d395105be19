package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseCompiler;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Builds a {@link KnowledgeBase} from a {@link KnowledgeSource}: reference data from YAML (here, where
 * Jackson may be used), then the engine's compiler for the DRL. Problems of both are reported together
 * as {@code file:line:column}. The one way every caller (start-up, reload, replay, CLIs, tests) builds one.
 */
public final class KnowledgeBaseBuilder {

    private final ReferenceDataReader referenceReader = new ReferenceDataReader();
    private static final Logger LOG = Logger.getLogger(KnowledgeBaseBuilder.class);
    private static final String FINGERPRINT = KnowledgeBaseCompiler.fingerprint();

    private final KnowledgeBaseCompiler compiler;
    private final List<CompiledModuleCache> caches;
    /** Compiles what no cache holds; the same as {@code compiler} but for {@link #handed}. */
    private final KnowledgeBaseCompiler onMiss;

    /** Interpreted DRL, nothing cached: the command-line tools and most tests. */
    public KnowledgeBaseBuilder(Clock clock) {
        this(new KnowledgeBaseCompiler(clock), List.of());
    }

    /**
     * @param compiler e.g. the executable-model one, whose compiled modules {@code caches} keep (first hit wins;
     *                 a module compiled or found in a later cache is saved to the earlier ones)
     */
    public KnowledgeBaseBuilder(KnowledgeBaseCompiler compiler, List<CompiledModuleCache> caches) {
        this(compiler, caches, compiler);
    }

    private KnowledgeBaseBuilder(
            KnowledgeBaseCompiler compiler, List<CompiledModuleCache> caches, KnowledgeBaseCompiler onMiss) {
        this.compiler = compiler;
        this.caches = List.copyOf(caches);
        this.onMiss = onMiss;
    }

    /**
     * The builder of the sandboxed processes (candidate check, replay): a source whose rules match one of the
     * {@code modules} the service handed over (by {@link #cacheKey}: the same DRL compiled by the same engine) is
     * loaded from it, as the service itself serves it; any other is compiled as interpreted DRL, and nothing is
     * saved. Loading skips compiling the DRL again for a candidate that changes only reference data, scenarios or
     * documentation, and for the active version a replay compares against.
     */
    public static KnowledgeBaseBuilder handed(Clock clock, Map<String, byte[]> modules) {
        if (modules.isEmpty()) {
            return new KnowledgeBaseBuilder(clock);
        }
        return new KnowledgeBaseBuilder(
                new KnowledgeBaseCompiler(clock, true),
                List.of(new Handed(Map.copyOf(modules))),
                new KnowledgeBaseCompiler(clock));
    }

    /**
     * The compiled modules this builder's caches hold for these sources' rules, by cache key (none for a builder of
     * interpreted DRL or without a cache): what the service hands to a sandboxed process ({@link #handed}).
     */
    public Map<String, byte[]> cachedModules(List<KnowledgeSource> sources) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        if (caches.isEmpty() || !compiler.executableModel()) {
            return found;
        }
        for (KnowledgeSource source : sources) {
            String key = cacheKey(source);
            if (!found.containsKey(key)) {
                caches.stream()
                        .map(c -> c.find(key))
                        .flatMap(Optional::stream)
                        .findFirst()
                        .ifPresent(m -> found.put(key, m));
            }
        }
        return found;
    }

    /** With a compiler of one's own, e.g. the executable-model one the benchmark compares. */
    public KnowledgeBaseBuilder(KnowledgeBaseCompiler compiler) {
        this(compiler, List.of());
    }

    /**
     * Compiles the source, or loads its compiled module from a cache when the same DRL (content hash of the
     * rules) was compiled before by this engine (fingerprint).
     *
     * @throws io.crosscheck.engine.KnowledgeBaseException listing every problem
     */
    public KnowledgeBase build(KnowledgeSource source) {
        List<KnowledgeProblem> problems = new ArrayList<>();
        ReferenceData reference = referenceReader.read(source, problems);
        if (!problems.isEmpty() || caches.isEmpty() || !compiler.executableModel()) {
            return onMiss.compile(source, reference, problems);
        }
        String key = cacheKey(source);
        for (int i = 0; i < caches.size(); i++) {
            Optional<byte[]> module = caches.get(i).find(key);
            if (module.isPresent()) {
                try {
                    KnowledgeBase kb = compiler.load(source, reference, module.get());
                    for (int j = 0; j < i; j++) {
                        caches.get(j).save(key, kb.version(), module.get());
                    }
                    LOG.infof(
                            "Knowledge base %s loaded from its compiled module (%d KB), not compiled",
                            kb.version(), module.get().length / 1024);
                    return kb;
                } catch (RuntimeException e) {
                    LOG.warnf("Cached module %s not usable (%s); compiling", key, e.getMessage());
                }
            }
        }
        KnowledgeBase kb = onMiss.compile(source, reference, problems);
        byte[] module = kb.compiledModule();
        if (module != null) {
            caches.forEach(c -> c.save(key, kb.version(), module));
        }
        return kb;
    }

    /**
     * The DRL files' content hash and the engine's fingerprint: a compiled module holds the rules only,
     * so a change to reference data or documentation loads the module of the same rules.
     */
    public static String cacheKey(KnowledgeSource source) {
        return source.rulesHash() + "-" + FINGERPRINT;
    }

    /**
     * The reference data of a source alone, without compiling anything: null when it has problems (added to {@code
     * problems}). The linter reads a knowledge base that does not compile with it.
     */
    public ReferenceData reference(KnowledgeSource source, List<KnowledgeProblem> problems) {
        return referenceReader.read(source, problems);
    }

    /** Releases a knowledge base no longer in use (its KieModule leaves the KieRepository). */
    public void release(KnowledgeBase kb) {
        compiler.release(kb);
    }

    /** The modules handed to a sandboxed process: read only. */
    private record Handed(Map<String, byte[]> modules) implements CompiledModuleCache {
        @Override
        public Optional<byte[]> find(String key) {
            return Optional.ofNullable(modules.get(key));
        }

        @Override
        public void save(String key, String kbVersion, byte[] module) {
            // a sandboxed process keeps nothing
        }
    }
}
