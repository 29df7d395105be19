package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;
import java.util.Locale;

/** A measured value with its unit. */
@FactDoc(
        value = "A measured value with its unit, as sent with a posture observation or a test.",
        example = "$o : PostureObservation( measured, measurement.unit == \"deg\" )")
public record Measurement(
        @FactDoc("The number measured.") double value,

        @FactDoc("Its unit (`deg`, `mmHg`, `s` ...), as the vocabulary defines for the measurement.")
        String unit) {

    public String describe() {
        String number =
                value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return unit == null || unit.isBlank() ? number : number + " " + unit;
    }
}
