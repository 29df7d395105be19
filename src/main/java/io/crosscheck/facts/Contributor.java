package io.crosscheck.facts;

/** A lifestyle or psychosocial factor the knowledge base treats as contributing to a pattern. */
public final class Contributor implements Conclusion {
    private final String code;
    private final String label;

    public Contributor(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }

    @Override
    public String describe() {
        return "contributing factor: " + label;
    }
}
