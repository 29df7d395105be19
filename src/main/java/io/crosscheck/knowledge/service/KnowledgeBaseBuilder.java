package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseCompiler;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link KnowledgeBase} from a {@link KnowledgeSource}: reference data from YAML (here, where
 * Jackson may be used), then the engine's compiler for the DRL. Problems of both are reported together
 * as {@code file:line:column}. The one way every caller (start-up, reload, replay, CLIs, tests) builds one.
 */
public final class KnowledgeBaseBuilder {

    private final ReferenceDataReader referenceReader = new ReferenceDataReader();
    private final KnowledgeBaseCompiler compiler;

    public KnowledgeBaseBuilder(Clock clock) {
        this(new KnowledgeBaseCompiler(clock));
    }

    /** With a compiler of one's own, e.g. the executable-model one the benchmark compares. */
    public KnowledgeBaseBuilder(KnowledgeBaseCompiler compiler) {
        this.compiler = compiler;
    }

    /** @throws io.crosscheck.engine.KnowledgeBaseException listing every problem */
    public KnowledgeBase build(KnowledgeSource source) {
        List<KnowledgeProblem> problems = new ArrayList<>();
        ReferenceData reference = referenceReader.read(source, problems);
        return compiler.compile(source, reference, problems);
    }

    /** Releases a knowledge base no longer in use (its KieModule leaves the KieRepository). */
    public void release(KnowledgeBase kb) {
        compiler.release(kb);
    }
}
