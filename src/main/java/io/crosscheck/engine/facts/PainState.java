package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * A clinical state of the client's symptoms that shapes the plan: pain stage (acute, subacute,
 * persistent), high irritability, or an antalgic sign. {@code ref} is the input it was read from.
 */
@FactDoc(
        value =
                "A state of the client's symptoms that shapes the plan: pain stage (acute, subacute, persistent), high irritability, or an antalgic sign (PAI- rules).",
        example = "$irritable : PainState( code == \"high_irritability\" )")
public final class PainState extends CodedNote {
    private final String ref;

    public PainState(String code, String text, InputFact from) {
        super(null, code, text);
        this.ref = from == null ? null : from.getRef();
    }

    @FactDoc("The input the state was read from (a JSON pointer), or null.")
    public String getRef() {
        return ref;
    }

    @Override
    @FactDoc(value = "The state's code.", codes = Codes.PAIN_STATES)
    public String getCode() {
        return super.getCode();
    }
}
