package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseCompiler;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    /** Interpreted DRL, nothing cached: the command-line tools and most tests. */
    public KnowledgeBaseBuilder(Clock clock) {
        this(new KnowledgeBaseCompiler(clock), List.of());
    }

    /**
     * @param compiler e.g. the executable-model one, whose compiled modules {@code caches} keep (first hit wins;
     *                 a module compiled or found in a later cache is saved to the earlier ones)
     */
    public KnowledgeBaseBuilder(KnowledgeBaseCompiler compiler, List<CompiledModuleCache> caches) {
        this.compiler = compiler;
        this.caches = List.copyOf(caches);
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
            return compiler.compile(source, reference, problems);
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
        KnowledgeBase kb = compiler.compile(source, reference, problems);
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
}
