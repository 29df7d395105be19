package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * A posture observation: a sign that is present or absent (e.g. {@code anterior_pelvic_tilt}),
 * or a measured angle (e.g. {@code craniovertebral_angle} in degrees), optionally on one side.
 */
@FactDoc(
        value =
                "A posture observation: a sign that is present or absent (`anterior_pelvic_tilt`), or a measured angle (`craniovertebral_angle` in degrees), optionally on one side.",
        example =
                "$t : Threshold( id == \"cva_forward_head\" ) from reference.threshold( \"cva_forward_head\" )\n$o : PostureObservation( code == \"craniovertebral_angle\", measured, value < $t.value )")
public final class PostureObservation implements InputFact {
    private final String ref;
    private final String code;
    private final String label;
    private final Boolean present;
    private final Measurement measurement;
    private final Side side;

    public PostureObservation(
            String ref, String code, String label, Boolean present, Measurement measurement, Side side) {
        this.ref = ref;
        this.code = code;
        this.label = label;
        this.present = present;
        this.measurement = measurement;
        this.side = side;
    }

    @Override
    public String getRef() {
        return ref;
    }

    @FactDoc(value = "The observation's code.", codes = Codes.POSTURE)
    public String getCode() {
        return code;
    }

    @FactDoc("The sign was observed (`present: true`).")
    public boolean isPresent() {
        return Boolean.TRUE.equals(present);
    }

    @FactDoc(
            "The sign was looked for and not seen (`present: false`); neither present nor absent when only a measurement was sent.")
    public boolean isAbsent() {
        return Boolean.FALSE.equals(present);
    }

    @FactDoc("A measurement was sent; test it before comparing `value`.")
    public boolean isMeasured() {
        return measurement != null;
    }

    @FactDoc("The measured value; null when not measured (compare only after `measured`).")
    public Double getValue() {
        return measurement == null ? null : measurement.value();
    }

    @FactDoc("The measurement with its unit, or null.")
    public Measurement getMeasurement() {
        return measurement;
    }

    @FactDoc("The side observed; null when the observation has none.")
    public Side getSide() {
        return side;
    }

    @Override
    public String getTestCode() {
        return code;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(label);
        if (measurement != null) {
            s.append(' ').append(measurement.describe());
        } else if (present != null) {
            s.append(present ? " present" : " absent");
        }
        if (side != null) {
            s.append(" (").append(side.label()).append(')');
        }
        return s.toString();
    }
}
