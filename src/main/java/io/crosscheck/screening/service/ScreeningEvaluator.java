package io.crosscheck.screening.service;

import io.crosscheck.explain.ProvenanceRecorder;
import io.crosscheck.facts.InputFact;
import io.crosscheck.knowledge.KnowledgeBase;
import io.crosscheck.knowledge.service.RuleEvaluator;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;

import java.util.List;

/**
 * Pure evaluation of a validated request on a given knowledge base: vocabulary check, rules,
 * result assembly. No persistence and no CDI, so the scenario suite and the validate command
 * run exactly what the service runs. Same request and knowledge base give the same result.
 */
public final class ScreeningEvaluator {

    private final RuleEvaluator rules;

    public ScreeningEvaluator(RuleEvaluator rules) {
        this.rules = rules;
    }

    public ScreeningResult evaluate(ScreeningRequest request, KnowledgeBase kb) {
        List<InputFact> facts = InputFactMapper.map(request, kb.reference());
        ProvenanceRecorder recorder = rules.evaluate(kb, facts);
        return ResultAssembler.assemble(request.clientRef(), kb, facts, recorder);
    }
}
