package io.crosscheck.engine.input;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One input of a screening request, defined once in {@code rules/reference/inputs.yaml}: its code (what
 * rules match), the section and JSON field it is sent in, its label and explanation phrase, its type with
 * unit and range or options, who it applies to, the terminology codings it is read from and what it asks about time
 * ({@link Onset}: how a chart's problem list answers it). {@code test} is the
 * assessment an answer records (why-not explanations), when it is not its section's.
 */
public record InputDefinition(
        String code,
        String section,
        String field,
        String label,
        String phrase,
        InputType type,
        String unit,
        Double min,
        Double max,
        List<Option> options,
        boolean required,
        AppliesTo appliesTo,
        List<Coding> codings,
        Onset onset,
        String test,
        String evidence) {

    public InputDefinition {
        options = options == null ? List.of() : List.copyOf(options);
        codings = codings == null ? List.of() : List.copyOf(codings);
        onset = onset == null ? Onset.CURRENT : onset;
        appliesTo = appliesTo == null ? AppliesTo.EVERYONE : appliesTo;
        phrase = phrase == null || phrase.isBlank() ? label : phrase;
    }

    /** The JSON pointer of the input in a screening request, e.g. {@code /lifestyle/sittingHoursPerDay}. */
    public String pointer() {
        return "/" + section + "/" + field;
    }

    /** The input's code in Crosscheck's FHIR code system: {@code <section>.<code>}. */
    public String crosscheckCode() {
        return section + "." + code;
    }

    public Optional<Option> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /** "0-24 h/day", "yes or no", "one of: sedentary, light, ...". */
    public String describeRange() {
        return switch (type) {
            case YES_NO -> "yes or no";
            case CHOICE ->
                "one of: "
                        + String.join(", ", options.stream().map(Option::code).toList());
            case INTEGER, NUMBER -> plain(min) + "-" + plain(max) + (unit == null ? "" : " " + unit);
        };
    }

    /**
     * Checks one sent value (Boolean, Number or String; anything else is of the wrong type). Empty when
     * it is valid for this input.
     */
    public Optional<Problem> check(Object value) {
        switch (type) {
            case YES_NO -> {
                if (!(value instanceof Boolean)) {
                    return Optional.of(Problem.type("expected true or false", value));
                }
            }
            case INTEGER -> {
                if (!(value instanceof Number n) || !isWhole(n)) {
                    return Optional.of(Problem.type("expected an integer", value));
                }
                return range(n.doubleValue(), value);
            }
            case NUMBER -> {
                if (!(value instanceof Number n)) {
                    return Optional.of(Problem.type("expected a number", value));
                }
                return range(n.doubleValue(), value);
            }
            case CHOICE -> {
                if (!(value instanceof String s)) {
                    return Optional.of(Problem.type("expected a string", value));
                }
                if (option(s).isEmpty()) {
                    return Optional.of(Problem.value(
                            "unknown " + phrase + " (" + describeRange() + "; see GET /api/v1/vocabulary)", value));
                }
            }
        }
        return Optional.empty();
    }

    /** The value as the rules see it: Boolean for yes/no, Double for numbers, String for choices. */
    public Object normalise(Object value) {
        return type.numeric() ? ((Number) value).doubleValue() : value;
    }

    /** How an explanation states a value: "sitting time 7 h/day", "anxiety: yes", "activity level: vigorous". */
    public String describe(Object value) {
        return switch (type) {
            case YES_NO -> phrase + ": " + (Boolean.TRUE.equals(value) ? "yes" : "no");
            case CHOICE -> phrase + ": " + value;
            case INTEGER, NUMBER ->
                phrase + " " + plain(((Number) value).doubleValue()) + (unit == null ? "" : " " + unit);
        };
    }

    /** How an explanation states that the input was not sent: "sitting time not recorded". */
    public String describeAbsent() {
        return phrase + " not recorded";
    }

    private Optional<Problem> range(double v, Object value) {
        String range = " (" + phrase + ": " + describeRange() + ")";
        if (min != null && v < min) {
            return Optional.of(Problem.value("must be greater than or equal to " + plain(min) + range, value));
        }
        if (max != null && v > max) {
            return Optional.of(Problem.value("must be less than or equal to " + plain(max) + range, value));
        }
        return Optional.empty();
    }

    private static boolean isWhole(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof java.math.BigInteger) {
            return true;
        }
        return false;
    }

    /** 6 -> "6", 38.9 -> "38.9". */
    public static String plain(Double d) {
        if (d == null) {
            return "";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15
                ? Long.toString(d.longValue())
                : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A value that does not fit the input: of the wrong type (a 400 in the API) or out of range (422). */
    public record Problem(String message, Object rejected, boolean wrongType) {
        static Problem type(String expected, Object rejected) {
            return new Problem(expected + " but got " + kind(rejected) + " (values are not converted)", rejected, true);
        }

        private static String kind(Object v) {
            if (v instanceof String) return "a string";
            if (v instanceof Boolean) return "a boolean";
            if (v instanceof Integer || v instanceof Long) return "a whole number";
            if (v instanceof Number) return "a decimal number";
            return "an object or array";
        }

        static Problem value(String message, Object rejected) {
            return new Problem(message, rejected, false);
        }
    }
}
