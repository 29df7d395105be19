package io.crosscheck.engine.facts;

/**
 * A fact taken from the client's request. {@link #getRef()} is a JSON pointer into the request
 * (e.g. {@code /muscleLength/0}) so every explanation can point back at exactly what was sent.
 */
public interface InputFact extends Fact {

    String getRef();

    /**
     * The assessment this input records (a posture observation code, a muscle-length test or a
     * movement-pattern test), or {@code null} when the input is not a test. Why-not rules use it to
     * decide whether a test was performed.
     */
    default String getTestCode() {
        return null;
    }
}
