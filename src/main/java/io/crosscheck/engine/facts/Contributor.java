package io.crosscheck.engine.facts;

/** A lifestyle or psychosocial factor the knowledge base treats as contributing to a pattern. */
public final class Contributor extends CodedNote {
    public Contributor(String code, String label) {
        super("contributing factor", code, label);
    }
}
