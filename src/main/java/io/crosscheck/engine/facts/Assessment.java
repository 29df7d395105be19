package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * A test the clinician performed: which test, on which side, its result as rated and, where the test
 * is measured, the measurement. Muscle-length and movement-pattern tests add what they test.
 */
@FactDoc(
        value =
                "A test the clinician performed: which test, on which side, the result as rated and, where the test is measured, the measurement. `MuscleLengthTest` and `MovementTest` are the two kinds.",
        example = "$a : Assessment( measured, side == Side.LEFT )")
public abstract class Assessment implements InputFact {
    private final String ref;
    private final String test;
    private final String testLabel;
    private final Side side;
    private final String result;
    private final Measurement measurement;

    protected Assessment(String ref, String test, String testLabel, Side side, String result, Measurement measurement) {
        this.ref = ref;
        this.test = test;
        this.testLabel = testLabel;
        this.side = side;
        this.result = result;
        this.measurement = measurement;
    }

    @Override
    public String getRef() {
        return ref;
    }

    @FactDoc(value = "The test's code.", codes = Codes.LENGTH_AND_MOVEMENT_TESTS)
    public String getTest() {
        return test;
    }

    @FactDoc("The test's name in words, as the explanation says it.")
    public String getTestLabel() {
        return testLabel;
    }

    @FactDoc("The side tested; null when the request gave none.")
    public Side getSide() {
        return side;
    }

    @FactDoc(
            value =
                    "The result as rated: `short` or `normal` for a muscle-length test, `normal` or `abnormal` for a movement test; null when only a measurement was sent.",
            values = {"short", "normal", "abnormal"})
    public String getResult() {
        return result;
    }

    @FactDoc("Whether a measurement was sent; test it before comparing `value`.")
    public boolean isMeasured() {
        return measurement != null;
    }

    @FactDoc("The measured value; null when only a rating was sent (compare only after `measured`).")
    public Double getValue() {
        return measurement == null ? null : measurement.value();
    }

    @FactDoc("The measurement with its unit; null when none was sent.")
    public Measurement getMeasurement() {
        return measurement;
    }

    @Override
    public String getTestCode() {
        return test;
    }
}
