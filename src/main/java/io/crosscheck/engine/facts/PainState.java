package io.crosscheck.engine.facts;

/**
 * A clinical state of the client's symptoms that shapes the plan: pain stage (acute, subacute,
 * persistent), high irritability, or an antalgic sign. {@code ref} is the input it was read from.
 */
public final class PainState implements Conclusion {
    private final String code;
    private final String text;
    private final String ref;

    public PainState(String code, String text, InputFact from) {
        this.code = code;
        this.text = text;
        this.ref = from == null ? null : from.getRef();
    }

    public String getCode() { return code; }
    public String getText() { return text; }
    public String getRef() { return ref; }

    @Override
    public String describe() {
        return text;
    }
}
