package io.crosscheck.engine.facts;

/**
 * A muscle-length test: which muscle, by which test, on which side, the clinician's rating
 * ({@code short} / {@code normal}) and, where the test is measured, the measurement.
 */
public final class MuscleLengthTest implements InputFact {
    private final String ref;
    private final String muscle;
    private final String muscleLabel;
    private final String test;
    private final String testLabel;
    private final Side side;
    private final String result;
    private final Measurement measurement;

    public MuscleLengthTest(String ref, String muscle, String muscleLabel, String test, String testLabel,
                            Side side, String result, Measurement measurement) {
        this.ref = ref;
        this.muscle = muscle;
        this.muscleLabel = muscleLabel;
        this.test = test;
        this.testLabel = testLabel;
        this.side = side;
        this.result = result;
        this.measurement = measurement;
    }

    @Override public String getRef() { return ref; }
    public String getMuscle() { return muscle; }
    public String getTest() { return test; }
    public Side getSide() { return side; }
    public String getResult() { return result; }
    public boolean isRatedShort() { return "short".equals(result); }
    public boolean isMeasured() { return measurement != null; }
    public double getValue() { return measurement == null ? Double.NaN : measurement.value(); }
    public Measurement getMeasurement() { return measurement; }
    @Override public String getTestCode() { return test; }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(muscleLabel).append(' ');
        if (measurement != null) {
            s.append(measurement.describe());
            if (result != null) {
                s.append(", rated ").append(result);
            }
        } else {
            s.append(result);
        }
        s.append(" (").append(testLabel);
        if (side != null) {
            s.append(", ").append(side.label());
        }
        return s.append(')').toString();
    }
}
