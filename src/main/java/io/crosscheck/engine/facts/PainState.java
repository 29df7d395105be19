package io.crosscheck.engine.facts;

/**
 * A clinical state of the client's symptoms that shapes the plan: pain stage (acute, subacute,
 * persistent), high irritability, or an antalgic sign. {@code ref} is the input it was read from.
 */
public final class PainState extends CodedNote {
    private final String ref;

    public PainState(String code, String text, InputFact from) {
        super(null, code, text);
        this.ref = from == null ? null : from.getRef();
    }

    public String getRef() {
        return ref;
    }
}
