package io.crosscheck.engine.facts;

/**
 * Anything the engine reasons over. Every fact can describe itself in a short clinical phrase,
 * which the explanation uses to build its "because ..." sentences.
 */
public interface Fact {

    /** A short phrase for explanations, e.g. "hip flexors short (modified Thomas test, left)". */
    String describe();
}
