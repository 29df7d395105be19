package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * A posture sign that a health-screen condition accounts for, so it is not counted as crossed-syndrome
 * evidence: knee hyperextension in a client with generalised joint hypermobility, a thoracic curve that does
 * not correct in extension (structural, not postural). The sign stays in the record; the finding rules skip an
 * input named by one of these ({@code not ExplainedSign( ref == $sign.ref )}). {@code ref} is the sign's input.
 */
@FactDoc(
        value =
                "A posture sign that a health-screen condition accounts for, so it is not counted as crossed-syndrome evidence (knee hyperextension with generalised hypermobility, a structural thoracic curve). Finding rules skip a sign named by one.",
        example =
                "$sign : PostureObservation( code == \"knee_hyperextension\", present )\nnot ExplainedSign( ref == $sign.ref )")
public final class ExplainedSign extends CodedNote {
    private final String ref;

    /**
     * @param code what accounts for the sign ({@code hypermobility}, {@code structural_curve})
     * @param text why it is not counted, in clinical words
     * @param sign the posture input that is set aside
     */
    public ExplainedSign(String code, String text, InputFact sign) {
        super(null, code, text);
        this.ref = sign == null ? null : sign.getRef();
    }

    @FactDoc("The posture input that is set aside (its JSON pointer); compare with the sign's `ref`.")
    public String getRef() {
        return ref;
    }

    @Override
    @FactDoc(value = "What accounts for the sign.", codes = Codes.EXPLAINED_SIGNS)
    public String getCode() {
        return super.getCode();
    }
}
