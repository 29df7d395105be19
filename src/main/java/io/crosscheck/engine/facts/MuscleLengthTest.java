package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * A muscle-length test: which muscle, by which test, on which side, the clinician's rating
 * ({@code short} / {@code normal}) and, where the test is measured, the measurement.
 */
@FactDoc(
        value =
                "A muscle-length test: which muscle, by which test, on which side, the clinician's rating (`short` or `normal`) and, where the test is measured, the measurement.",
        example =
                "$t : Threshold( id == \"iliopsoas_thomas\" ) from reference.threshold( \"iliopsoas_thomas\" )\n$test : MuscleLengthTest( muscle == \"iliopsoas\", (measured && value > $t.value) || (!measured && ratedShort) )")
public final class MuscleLengthTest extends Assessment {
    private final String muscle;
    private final String muscleLabel;

    public MuscleLengthTest(
            String ref,
            String muscle,
            String muscleLabel,
            String test,
            String testLabel,
            Side side,
            String result,
            Measurement measurement) {
        super(ref, test, testLabel, side, result, measurement);
        this.muscle = muscle;
        this.muscleLabel = muscleLabel;
    }

    @FactDoc(value = "The muscle tested.", codes = Codes.MUSCLES)
    public String getMuscle() {
        return muscle;
    }

    @FactDoc("The clinician rated it `short`.")
    public boolean isRatedShort() {
        return "short".equals(getResult());
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(muscleLabel).append(' ');
        if (getMeasurement() != null) {
            s.append(getMeasurement().describe());
            if (getResult() != null) {
                s.append(", rated ").append(getResult());
            }
        } else {
            s.append(getResult());
        }
        s.append(" (").append(getTestLabel());
        if (getSide() != null) {
            s.append(", ").append(getSide().label());
        }
        return s.append(')').toString();
    }
}
