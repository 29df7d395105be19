package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** A lifestyle or psychosocial factor the knowledge base treats as contributing to a pattern. */
@FactDoc(
        value =
                "A lifestyle or psychosocial factor the knowledge base treats as contributing to a pattern (CON- rules).",
        example = "$c : Contributor( code == \"prolonged_sitting\" )")
public final class Contributor extends CodedNote {
    public Contributor(String code, String label) {
        super("contributing factor", code, label);
    }

    @Override
    @FactDoc(value = "The factor's code.", codes = Codes.CONTRIBUTORS)
    public String getCode() {
        return super.getCode();
    }
}
