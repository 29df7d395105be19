package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import java.util.List;
import java.util.Set;

/**
 * A movement-pattern test (Janda): result {@code normal} / {@code abnormal}, the substitution or
 * fault codes seen (e.g. {@code gluteus_maximus_delayed}), and a measured value for tests that
 * produce one (craniocervical flexion in mmHg, deep-neck-flexor endurance in seconds).
 */
@FactDoc(
        value =
                "A Janda movement-pattern test: result `normal` or `abnormal`, the substitutions or faults seen, and a measured value for tests that produce one (craniocervical flexion in mmHg, deep-neck-flexor endurance in seconds).",
        example = "$test : MovementTest( test == \"prone_hip_extension\", shows(\"gluteus_maximus_delayed\") )")
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

    @FactDoc("The test was rated `abnormal`.")
    public boolean isAbnormal() {
        return "abnormal".equals(getResult());
    }

    @FactDoc(value = "The substitution or fault codes seen.", codes = Codes.SUBSTITUTIONS)
    public Set<String> getSubstitutions() {
        return substitutions;
    }

    @FactDoc(
            value = "Whether the test showed this substitution: `shows(\"gluteus_maximus_delayed\")`.",
            codes = Codes.SUBSTITUTIONS)
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
