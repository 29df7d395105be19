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

    /** Deepest indentation the stylesheet draws ({@code ul.tree li.depth-N} in app.css); deeper rows line up with it. */
    static final int MAX_INDENT = 12;

    /**
     * The row's indentation as a class of the stylesheet: the pages' Content-Security-Policy allows no inline style
     * attribute.
     */
    public String indent() {
        return "depth-" + Math.min(depth, MAX_INDENT);
    }

    public boolean input() {
        return "input".equals(kind);
    }
}
