package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** A pattern that is kept for the record but not assessed while a referral is pending. */
@FactDoc(
        value = "A pattern kept for the record but not assessed while a referral is pending (the gate).",
        example = "$hold : PatternOnHold( pattern == \"LCS\" )")
public final class PatternOnHold implements Conclusion {
    public static final String REASON = "not assessed while a referral is pending";

    private final String pattern;

    public PatternOnHold(PatternConclusion conclusion) {
        this.pattern = conclusion.getPattern();
    }

    @FactDoc(value = "The pattern on hold.", codes = Codes.PATTERNS)
    public String getPattern() {
        return pattern;
    }

    @Override
    public String describe() {
        return pattern + " pattern " + REASON;
    }
}
