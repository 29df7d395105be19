package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/**
 * A conclusion that is a coded remark about the client: a contributing factor, a yellow flag, a
 * precaution or a pain state. The three differ only in what they mean to the plan (their type, which rules match on)
 * and the word that introduces them in an explanation.
 */
@FactDoc(
        value =
                "A conclusion that is a coded remark about the client: a contributing factor, a yellow flag, a precaution, a pain state or an explained sign. They differ in their type, which rules match on.",
        example = "$note : CodedNote()")
public abstract class CodedNote implements Conclusion {
    private final String kind;
    private final String code;
    private final String text;

    protected CodedNote(String kind, String code, String text) {
        this.kind = kind;
        this.code = code;
        this.text = text;
    }

    @FactDoc("The note's code, which rules match on.")
    public String getCode() {
        return code;
    }

    @FactDoc("The remark in clinical words, e.g. \"prolonged sitting (hip flexors held short, abdominals idle)\".")
    public String getText() {
        return text;
    }

    /** "kind: text", or the text alone for a note whose text says what it is (kind null). */
    @Override
    public String describe() {
        return kind == null ? text : kind + ": " + text;
    }
}
