package io.crosscheck.engine.facts;

import java.util.List;
import java.util.Set;

/**
 * A movement-pattern test (Janda): result {@code normal} / {@code abnormal}, the substitution or
 * fault codes seen (e.g. {@code gluteus_maximus_delayed}), and a measured value for tests that
 * produce one (craniocervical flexion in mmHg, deep-neck-flexor endurance in seconds).
 */
public final class MovementTest implements InputFact {
    private final String ref;
    private final String test;
    private final String testLabel;
    private final Side side;
    private final String result;
    private final Set<String> substitutions;
    private final List<String> substitutionLabels;
    private final Measurement measurement;

    public MovementTest(String ref, String test, String testLabel, Side side, String result,
                        Set<String> substitutions, List<String> substitutionLabels, Measurement measurement) {
        this.ref = ref;
        this.test = test;
        this.testLabel = testLabel;
        this.side = side;
        this.result = result;
        this.substitutions = Set.copyOf(substitutions);
        this.substitutionLabels = List.copyOf(substitutionLabels);
        this.measurement = measurement;
    }

    @Override public String getRef() { return ref; }
    public String getTest() { return test; }
    public Side getSide() { return side; }
    public String getResult() { return result; }
    public boolean isAbnormal() { return "abnormal".equals(result); }
    public Set<String> getSubstitutions() { return substitutions; }
    public boolean shows(String substitution) { return substitutions.contains(substitution); }
    public boolean isMeasured() { return measurement != null; }
    public double getValue() { return measurement == null ? Double.NaN : measurement.value(); }
    public Measurement getMeasurement() { return measurement; }
    @Override public String getTestCode() { return test; }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(testLabel);
        if (side != null) {
            s.append(" (").append(side.label()).append(')');
        }
        if (result != null) {
            s.append(' ').append(result);
        }
        if (measurement != null) {
            s.append(", ").append(measurement.describe());
        }
        if (!substitutionLabels.isEmpty()) {
            s.append(": ").append(String.join(", ", substitutionLabels));
        }
        return s.toString();
    }
}
