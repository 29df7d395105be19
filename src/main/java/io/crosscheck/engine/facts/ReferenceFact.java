package io.crosscheck.engine.facts;

/**
 * Knowledge-base reference data (thresholds, definitions, the intervention catalogue) that rules
 * match, through {@code from reference...} (see {@link io.crosscheck.engine.ReferenceIndex}), instead
 * of carrying literals.
 */
public interface ReferenceFact extends Fact {

    /** Stable id such as {@code threshold/cva_forward_head}; used as the explanation node id. */
    String getReferenceId();

    /**
     * Whether the fact is evidence worth naming in a "because" sentence (a threshold is; a
     * catalogue entry that a rule merely looked up is not).
     */
    default boolean isEvidence() {
        return false;
    }
}
