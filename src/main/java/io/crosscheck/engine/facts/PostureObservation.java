package io.crosscheck.engine.facts;

/**
 * A posture observation: a sign that is present or absent (e.g. {@code anterior_pelvic_tilt}),
 * or a measured angle (e.g. {@code craniovertebral_angle} in degrees), optionally on one side.
 */
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

    public String getCode() {
        return code;
    }

    public boolean isPresent() {
        return Boolean.TRUE.equals(present);
    }

    public boolean isAbsent() {
        return Boolean.FALSE.equals(present);
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
