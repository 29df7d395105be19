package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/**
 * Anything the engine reasons over. Every fact can describe itself in a short clinical phrase,
 * which the explanation uses to build its "because ..." sentences.
 */
@FactDoc(
        value =
                "Anything the engine reasons over: inputs, reference data and conclusions. Every fact describes itself in a short clinical phrase (`describe()`), which the explanation uses for its \"because ...\" sentences.",
        example = "$f : Fact()")
public interface Fact {

    /** A short phrase for explanations, e.g. "hip flexors short (modified Thomas test, left)". */
    String describe();
}
