package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** The answer to one red-flag screening question. */
@FactDoc(
        value =
                "The answer to one red-flag question, yes or no. A question not answered has no RedFlagAnswer (see `UnansweredRedFlag`).",
        example = "$answer : RedFlagAnswer( code == \"saddle_anaesthesia\", present )")
public final class RedFlagAnswer implements InputFact {
    private final String ref;
    private final String code;
    private final String label;
    private final boolean present;

    public RedFlagAnswer(String ref, String code, String label, boolean present) {
        this.ref = ref;
        this.code = code;
        this.label = label;
        this.present = present;
    }

    @Override
    public String getRef() {
        return ref;
    }

    @FactDoc(value = "The question's code.", codes = Codes.RED_FLAGS)
    public String getCode() {
        return code;
    }

    @FactDoc("Answered yes.")
    public boolean isPresent() {
        return present;
    }

    @Override
    public String describe() {
        return label + (present ? ": yes" : ": no");
    }
}
