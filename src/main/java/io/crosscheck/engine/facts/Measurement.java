package io.crosscheck.engine.facts;

import java.util.Locale;

/** A measured value with its unit. */
public record Measurement(double value, String unit) {

    public String describe() {
        String number =
                value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return unit == null || unit.isBlank() ? number : number + " " + unit;
    }
}
