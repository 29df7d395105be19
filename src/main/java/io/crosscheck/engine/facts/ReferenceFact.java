package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/**
 * Knowledge-base reference data (thresholds, definitions, the intervention catalogue) that rules
 * match, through {@code from reference...} (see {@link io.crosscheck.engine.ReferenceIndex}), instead
 * of carrying literals.
 */
@FactDoc(
        value =
                "Reference data from `rules/reference/*.yaml` (thresholds, finding, pattern, red-flag, test and intervention definitions). Not in working memory: match it `from reference....` (see the `reference` global above).",
        example = "$t : ReferenceFact( evidence ) from reference.thresholds()")
public interface ReferenceFact extends Fact {

    @FactDoc("Stable id such as `threshold/cva_forward_head`; the explanation names the entry `kb:` + this id.")
    String getReferenceId();

    @FactDoc(
            "Whether the entry is evidence worth naming in a \"because\" sentence (a threshold is; a catalogue entry a rule merely looked up is not).")
    default boolean isEvidence() {
        return false;
    }
}
