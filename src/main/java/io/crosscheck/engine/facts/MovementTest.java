package io.crosscheck.engine.facts;

import java.util.List;
import java.util.Set;

/**
 * A movement-pattern test (Janda): result {@code normal} / {@code abnormal}, the substitution or
 * fault codes seen (e.g. {@code gluteus_maximus_delayed}), and a measured value for tests that
 * produce one (craniocervical flexion in mmHg, deep-neck-flexor endurance in seconds).
 */
public final class MovementTest extends Assessment {
    private final Set<String> substitutions;
    private final List<String> substitutionLabels;

    public MovementTest(
            String ref,
            String test,
            String testLabel,
            Side side,
            String result,
            Set<String> substitutions,
            List<String> substitutionLabels,
            Measurement measurement) {
        super(ref, test, testLabel, side, result, measurement);
        this.substitutions = Set.copyOf(substitutions);
        this.substitutionLabels = List.copyOf(substitutionLabels);
    }

    public boolean isAbnormal() {
        return "abnormal".equals(getResult());
    }

    public Set<String> getSubstitutions() {
        return substitutions;
    }

    public boolean shows(String substitution) {
        return substitutions.contains(substitution);
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(getTestLabel());
        if (getSide() != null) {
            s.append(" (").append(getSide().label()).append(')');
        }
        if (getResult() != null) {
            s.append(' ').append(getResult());
        }
        if (getMeasurement() != null) {
            s.append(", ").append(getMeasurement().describe());
        }
        if (!substitutionLabels.isEmpty()) {
            s.append(": ").append(String.join(", ", substitutionLabels));
        }
        return s.toString();
    }
}
