package io.crosscheck.engine;

import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.ReferenceFact;
import java.util.List;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Runs one screening through a knowledge base: one session per call, always disposed. Stages run
 * in a fixed order (agenda groups), so safety rules are evaluated before any recommendation.
 * Reference data is not inserted: rules reach it through the {@link ReferenceIndex} global, built
 * once per knowledge base (a knowledge base whose rules still match inserted reference facts, i.e.
 * that declares no such global, gets them inserted as before).
 */
public final class RuleEngine {

    /** Agenda groups in evaluation order. A rule may only depend on conclusions of earlier stages. */
    public static final List<String> STAGES = List.of("safety", "findings", "patterns", "plan", "gate");

    /**
     * Where a session comes from. {@code FRESH}: a new session per screening (the default: measured
     * as fast as the pool, see BENCHMARKS.md). {@code POOLED}: a session of the knowledge base's
     * pool, reset on dispose (kept for the comparison in the benchmark).
     */
    public enum Sessions {
        FRESH,
        POOLED
    }

    private final int maxFirings;
    private final Sessions sessions;

    public RuleEngine(int maxFirings) {
        this(maxFirings, Sessions.FRESH);
    }

    public RuleEngine(int maxFirings, Sessions sessions) {
        this.maxFirings = maxFirings;
        this.sessions = sessions;
    }

    public ProvenanceRecorder evaluate(KnowledgeBase kb, List<? extends InputFact> inputs) {
        KieSession session =
                sessions == Sessions.POOLED ? kb.pooledSession() : kb.kieBase().newKieSession();
        ProvenanceRecorder recorder = new ProvenanceRecorder(
                name -> kb.rule(name).orElseThrow(() -> new IllegalStateException("rule not indexed: " + name)));
        try {
            if (kb.referenceGlobal()) {
                session.setGlobal(ReferenceIndex.GLOBAL, kb.referenceIndex());
            } else {
                for (ReferenceFact f : kb.reference().facts()) {
                    session.insert(f);
                }
            }
            session.addEventListener((AgendaEventListener) recorder);
            session.addEventListener((RuleRuntimeEventListener) recorder);
            for (InputFact f : inputs) {
                session.insert(f);
            }
            for (int i = STAGES.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(STAGES.get(i)).setFocus();
            }
            int fired = session.fireAllRules(maxFirings);
            if (fired >= maxFirings) {
                throw new IllegalStateException("rule firing limit of " + maxFirings + " reached: the knowledge base "
                        + kb.version() + " does not terminate on this input");
            }
            return recorder;
        } finally {
            session.removeEventListener((AgendaEventListener) recorder);
            session.removeEventListener((RuleRuntimeEventListener) recorder);
            session.dispose();
        }
    }
}
