package io.crosscheck.engine.explain;

import java.util.List;

/**
 * One node of the derivation graph.
 *
 * @param id        JSON pointer into the request for inputs ({@code /muscleLength/0}), {@code kb:...} for
 *                  reference data, {@code c1, c2...} (in derivation order) for conclusions
 * @param kind      {@code input}, {@code reference} or {@code conclusion}
 * @param type      the fact type, e.g. {@code Finding}, {@code PatternConclusion}
 * @param statement what the fact says, in words
 * @param rule      for conclusions: the rule that concluded it
 * @param matched   for conclusions: the ids of the facts that rule matched
 * @param because   for conclusions: a readable sentence built from the above
 *                  (absent fields are left out of JSON: see {@code io.crosscheck.common.json.Json})
 */
public record ExplanationNode(
        String id, String kind, String type, String statement, RuleRef rule, List<String> matched, String because) {}
