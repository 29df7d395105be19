package io.crosscheck.web.service;

import io.crosscheck.engine.explain.Explanation;
import io.crosscheck.engine.explain.ExplanationNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result's derivation as the derivation view lists it: each conclusion, the facts it matched and theirs in
 * turn, down to the inputs, one row per node with its depth and rule; a node met again is marked repeated and
 * not walked twice.
 */
final class Derivations {

    private Derivations() {}

    /** The rows of one conclusion (or of every conclusion of the explanation, when null); none for an unknown id. */
    static List<DerivationRow> rows(Explanation e, String conclusionId) {
        Map<String, ExplanationNode> nodes = new LinkedHashMap<>();
        e.nodes().forEach(n -> nodes.put(n.id(), n));
        List<DerivationRow> rows = new ArrayList<>();
        if (conclusionId != null) {
            if (!nodes.containsKey(conclusionId)) {
                return List.of();
            }
            walk(nodes, conclusionId, 0, new HashSet<>(), rows);
        } else {
            nodes.values().stream()
                    .filter(n -> "conclusion".equals(n.kind()))
                    .sorted(Comparator.comparing(
                            ExplanationNode::id,
                            Comparator.comparingInt(String::length).thenComparing(String::compareTo)))
                    .forEach(n -> walk(nodes, n.id(), 0, new HashSet<>(), rows));
        }
        return rows;
    }

    private static void walk(
            Map<String, ExplanationNode> nodes, String id, int depth, Set<String> seen, List<DerivationRow> rows) {
        ExplanationNode n = nodes.get(id);
        if (n == null) {
            return;
        }
        boolean repeated = !seen.add(id);
        var rule = n.rule();
        rows.add(new DerivationRow(
                depth,
                n.id(),
                n.kind(),
                n.type(),
                n.statement(),
                n.because(),
                rule == null ? null : rule.id(),
                rule == null ? null : rule.name(),
                rule == null ? null : rule.file(),
                rule == null ? null : rule.line(),
                repeated));
        if (repeated || n.matched() == null || depth > 12) {
            return;
        }
        for (String m : n.matched()) {
            walk(nodes, m, depth + 1, seen, rows);
        }
    }
}
