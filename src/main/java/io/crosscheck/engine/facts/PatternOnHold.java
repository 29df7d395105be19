package io.crosscheck.engine.facts;

/** A pattern that is kept for the record but not assessed while a referral is pending. */
public final class PatternOnHold implements Conclusion {
    public static final String REASON = "not assessed while a referral is pending";

    private final String pattern;

    public PatternOnHold(PatternConclusion conclusion) {
        this.pattern = conclusion.getPattern();
    }

    public String getPattern() {
        return pattern;
    }

    @Override
    public String describe() {
        return pattern + " pattern " + REASON;
    }
}
