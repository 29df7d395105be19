package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** A precaution that shapes how the plan is delivered (it never removes an intervention). */
@FactDoc(
        value = "A precaution that shapes how the plan is delivered; it never removes an intervention (PRE- rules).",
        example = "not Precaution( code == \"surgical_protocol\" )")
public final class Precaution extends CodedNote {
    public Precaution(String code, String text) {
        super("precaution", code, text);
    }

    @Override
    @FactDoc(value = "The precaution's code.", codes = Codes.PRECAUTIONS)
    public String getCode() {
        return super.getCode();
    }
}
