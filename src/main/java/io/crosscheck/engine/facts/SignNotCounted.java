package io.crosscheck.engine.facts;

/**
 * An input that is present but must not count as crossed-syndrome evidence for this client, with the reason: a
 * protruding abdomen or an increased lordosis while pregnant is a change of pregnancy, not a muscle imbalance.
 * Rules that turn a sign into a finding (POS-001) skip an input named here; the explanation says why.
 * {@code ref} is the input it concerns.
 */
public final class SignNotCounted implements Conclusion {
    private final String code;
    private final String text;
    private final String ref;

    /**
     * @param code why the sign is not counted ({@code pregnancy}, ...)
     * @param text the reason in clinical words
     * @param sign the input that is not counted
     */
    public SignNotCounted(String code, String text, InputFact sign) {
        this.code = code;
        this.text = text;
        this.ref = sign.getRef();
    }

    public String getCode() {
        return code;
    }

    public String getText() {
        return text;
    }

    /** The JSON pointer of the input that is not counted. */
    public String getRef() {
        return ref;
    }

    @Override
    public String describe() {
        return text;
    }
}
