package io.crosscheck.web.service;

/**
 * One line of a derivation tree, from a conclusion down to the request fields as sent: its depth, the
 * node, and for conclusions the rule that drew it (id, file and line, kb-docs page). A node met again
 * lower in the tree is shown once and then referred to ({@code repeated}).
 */
public record DerivationRow(
        int depth,
        String id,
        String kind,
        String type,
        String statement,
        String because,
        String ruleId,
        String ruleName,
        String ruleFile,
        Integer ruleLine,
        boolean repeated) {

    public String indent() {
        return "padding-left:" + (depth * 1.4) + "rem";
    }

    public boolean input() {
        return "input".equals(kind);
    }
}
