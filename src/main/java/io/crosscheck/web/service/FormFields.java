package io.crosscheck.web.service;

import io.crosscheck.engine.Vocabulary;
import io.crosscheck.web.service.FormField.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the screening form's fields, each with the value, error and threshold hint it has now ({@link FormLayout}
 * lays them out): text, number, measured, check-box and choice fields. A refused value is explained in the words of
 * {@link FieldMessages}, and every field with an error is listed for the form's error summary, in the order built.
 */
final class FormFields {

    final Map<String, String> values;
    final Map<String, String> errors;
    final Map<String, String> hints;
    private final List<FormModel.Problem> problems = new ArrayList<>();

    FormFields(Map<String, String> values, Map<String, String> errors, Map<String, String> hints) {
        this.values = values;
        this.errors = errors;
        this.hints = hints;
    }

    /** The fields built so far that carry an error, for the summary above the form. */
    List<FormModel.Problem> problems() {
        return List.copyOf(problems);
    }

    FormField text(String name, String label) {
        return field(name, label, errors.get(name), null, null, null, hints.get(name), List.of());
    }

    /** A whole number (an integer input, a symptom's number, an outcome item). */
    FormField number(String name, String label, String unit, String min, String max) {
        return numeric(name, label, unit, min, max, true);
    }

    /** A number that may have decimals (a {@code number} input). */
    FormField decimal(String name, String label, String unit, String min, String max) {
        return numeric(name, label, unit, min, max, false);
    }

    FormField measured(String name, Vocabulary.Range range) {
        return numeric(name, range.label(), range.unit(), plain(range.min()), plain(range.max()), false);
    }

    /** A measurement of a test on a side: labelled with the test and side ("Hamstrings, right: knee extension deficit"). */
    FormField measured(String name, String of, Vocabulary.Range range) {
        return numeric(name, of + ": " + range.label(), range.unit(), plain(range.min()), plain(range.max()), false);
    }

    private FormField numeric(String name, String label, String unit, String min, String max, boolean whole) {
        String error = errors.get(name);
        if (error != null) {
            error = FieldMessages.WORDS.number(error, values.get(name), unit, min, max, whole);
        }
        return field(name, label, error, unit, min, max, hints.get(name), List.of());
    }

    FormField check(String name, String label) {
        return field(name, label, errors.get(name), null, null, null, null, List.of());
    }

    FormField choice(String name, String label, List<Option> options) {
        String current = values.getOrDefault(name, "");
        List<Option> marked = options.stream()
                .map(o -> new Option(o.value(), o.label(), o.value().equals(current)))
                .toList();
        String error = errors.get(name);
        if (error != null) {
            error = FieldMessages.WORDS.choice(error, current, label);
        }
        return field(name, label, error, null, null, null, hints.get(name), marked);
    }

    private FormField field(
            String name,
            String label,
            String error,
            String unit,
            String min,
            String max,
            String hint,
            List<Option> options) {
        FormField f = new FormField(name, label, values.get(name), error, unit, min, max, hint, options);
        if (error != null) {
            problems.add(new FormModel.Problem(f.id(), label, error));
        }
        return f;
    }

    static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
