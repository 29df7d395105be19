package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * A fact taken from the client's request. {@link #getRef()} is a JSON pointer into the request
 * (e.g. {@code /muscleLength/0}) so every explanation can point back at exactly what was sent.
 */
@FactDoc(
        value =
                "A fact taken from the client's request (an answer, a test, a symptom ...). Its `ref` points at exactly what was sent, so every explanation can point back at it.",
        example = "not InputFact( testCode == \"trunk_curl_up\" )")
public interface InputFact extends Fact {

    @FactDoc(
            "Where in the request the input was sent: a JSON pointer such as `/muscleLength/0` or `/lifestyle/sittingHoursPerDay`; the explanation cites it.")
    String getRef();

    @FactDoc(
            value =
                    "The assessment this input records (a posture observation code, a muscle-length or movement test), or null when the input is not a test; why-not rules use it to tell whether a test was done.",
            codes = Codes.TESTS)
    default String getTestCode() {
        return null;
    }
}
