package io.crosscheck.engine.explain;

import java.util.List;

/**
 * The derivation graph of one screening: every conclusion with the rule that produced it and the
 * facts it matched, down to the input facts as sent; plus the firing trace for rule authors.
 */
public record Explanation(List<ExplanationNode> nodes, List<FiredRule> trace) {
}
