package io.crosscheck.engine;

import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.ReferenceFact;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

import java.util.List;

/**
 * Runs one screening through a knowledge base: a fresh session per call, always disposed. Stages
 * run in a fixed order (agenda groups), so safety rules are evaluated before any recommendation.
 */
public final class RuleEngine {

    /** Agenda groups in evaluation order. A rule may only depend on conclusions of earlier stages. */
    public static final List<String> STAGES = List.of("safety", "findings", "patterns", "plan", "gate");

    private final int maxFirings;

    public RuleEngine(int maxFirings) {
        this.maxFirings = maxFirings;
    }

    public ProvenanceRecorder evaluate(KnowledgeBase kb, List<? extends InputFact> inputs) {
        KieSession session = kb.kieBase().newKieSession();
        try {
            for (ReferenceFact f : kb.reference().facts()) {
                session.insert(f);
            }
            ProvenanceRecorder recorder = new ProvenanceRecorder(name -> kb.rule(name)
                    .orElseThrow(() -> new IllegalStateException("rule not indexed: " + name)));
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
            session.dispose();
        }
    }
}
