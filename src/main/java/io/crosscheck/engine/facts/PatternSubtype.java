package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** A subtype of a pattern, e.g. lower-crossed subtype A (pelvic) or B (trunk). */
@FactDoc(
        value = "A subtype of a pattern, e.g. lower-crossed subtype A (pelvic) or B (trunk).",
        example = "$subtype : PatternSubtype( pattern == \"LCS\", code == \"lcs_subtype_a\" )")
public final class PatternSubtype implements Conclusion {
    private final String pattern;
    private final String code;
    private final String label;

    public PatternSubtype(String pattern, String code, String label) {
        this.pattern = pattern;
        this.code = code;
        this.label = label;
    }

    @FactDoc(value = "The pattern it is a subtype of.", codes = Codes.PATTERNS)
    public String getPattern() {
        return pattern;
    }

    @FactDoc(value = "The subtype's code.", codes = Codes.SUBTYPES)
    public String getCode() {
        return code;
    }

    @FactDoc("The subtype in words.")
    public String getLabel() {
        return label;
    }

    @Override
    public String describe() {
        return "findings lean towards " + label;
    }
}
