package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** A psychosocial risk factor: adjusts the approach, never blocks the plan. */
@FactDoc(
        value = "A psychosocial risk factor: it adjusts the approach, never blocks the plan (YEL- rules).",
        example = "$y : YellowFlag( code == \"low_mood\" )")
public final class YellowFlag extends CodedNote {
    public YellowFlag(String code, String label) {
        super("yellow flag", code, label);
    }

    @Override
    @FactDoc(value = "The flag's code.", codes = Codes.YELLOW_FLAGS)
    public String getCode() {
        return super.getCode();
    }
}
