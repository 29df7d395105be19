package io.crosscheck.engine.facts;

/** A subtype of a pattern, e.g. lower-crossed subtype A (pelvic) or B (trunk). */
public final class PatternSubtype implements Conclusion {
    private final String pattern;
    private final String code;
    private final String label;

    public PatternSubtype(String pattern, String code, String label) {
        this.pattern = pattern;
        this.code = code;
        this.label = label;
    }

    public String getPattern() {
        return pattern;
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    @Override
    public String describe() {
        return "findings lean towards " + label;
    }
}
