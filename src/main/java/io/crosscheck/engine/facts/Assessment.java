package io.crosscheck.engine.facts;

/**
 * A test the clinician performed: which test, on which side, its result as rated and, where the test
 * is measured, the measurement. Muscle-length and movement-pattern tests add what they test.
 */
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

    public String getTest() {
        return test;
    }

    public String getTestLabel() {
        return testLabel;
    }

    public Side getSide() {
        return side;
    }

    public String getResult() {
        return result;
    }

    public boolean isMeasured() {
        return measurement != null;
    }
    /** The measured value; null when only a rating or presence was recorded (compare only after {@code measured}). */
    public Double getValue() {
        return measurement == null ? null : measurement.value();
    }

    public Measurement getMeasurement() {
        return measurement;
    }

    @Override
    public String getTestCode() {
        return test;
    }
}
