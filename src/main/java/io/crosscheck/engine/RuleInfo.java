package io.crosscheck.engine;

/**
 * A compiled rule as authors and explanations refer to it.
 *
 * @param id      the {@code @id} metadata, e.g. {@code LCS-010}; the same id names its kb-doc page
 * @param name    the rule name
 * @param file    DRL path relative to the project root
 * @param line    1-based line of the {@code rule} header
 * @param version the {@code @version} metadata
 * @param stage   the agenda group (safety, findings, patterns, plan, gate)
 */
public record RuleInfo(String id, String name, String file, int line, String version, String stage) {

    /** Where a rule's documentation page lives, relative to the project root. */
    public static String docPath(String id) {
        return "kb-docs/rules/" + id + ".md";
    }

    public String docPath() {
        return docPath(id);
    }
}
