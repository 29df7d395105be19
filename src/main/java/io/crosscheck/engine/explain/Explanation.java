package io.crosscheck.engine.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * The derivation graph of one screening: every conclusion with the rule that produced it and the
 * facts it matched, down to the input facts as sent; plus the firing trace for rule authors.
 *
 * @param full where the complete explanation is, on a compact one ({@link #compact(String)}); absent on the complete one
 */
public record Explanation(List<ExplanationNode> nodes, List<FiredRule> trace, String full) {

    public Explanation(List<ExplanationNode> nodes, List<FiredRule> trace) {
        this(nodes, trace, null);
    }

    /**
     * The explanation a client needs by default: input and conclusion nodes; every conclusion keeps
     * its rule id, what it matched and its "because" sentence, and refers to reference data by id
     * ({@code kb:threshold/...}) instead of repeating it. Left out: the reference-data nodes, the
     * rule's name, file, line and version (its id finds them) and the firing trace; all of it is in
     * the complete explanation at {@code full}.
     */
    public Explanation compact(String full) {
        List<ExplanationNode> kept = new ArrayList<>(nodes.size());
        for (ExplanationNode n : nodes) {
            if ("reference".equals(n.kind())) {
                continue;
            }
            kept.add(
                    n.rule() == null
                            ? n
                            : new ExplanationNode(
                                    n.id(),
                                    n.kind(),
                                    n.type(),
                                    null,
                                    RuleRef.idOnly(n.rule().id()),
                                    n.matched(),
                                    n.because()));
        }
        return new Explanation(kept, null, full);
    }
}
