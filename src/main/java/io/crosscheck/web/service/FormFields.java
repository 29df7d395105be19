package io.crosscheck.web.service;

import io.crosscheck.engine.Vocabulary;
import io.crosscheck.web.service.FormField.Option;
import java.util.List;
import java.util.Map;

/**
 * Builds the screening form's fields, each with the value, error and threshold hint it has now ({@link FormLayout}
 * lays them out): text, number, measured, check-box and choice fields.
 */
final class FormFields {

    final Map<String, String> values;
    final Map<String, String> errors;
    final Map<String, String> hints;

    FormFields(Map<String, String> values, Map<String, String> errors, Map<String, String> hints) {
        this.values = values;
        this.errors = errors;
        this.hints = hints;
    }

    FormField text(String name, String label) {
        return new FormField(
                name, label, values.get(name), errors.get(name), null, null, null, hints.get(name), List.of());
    }

    FormField number(String name, String label, String unit, String min, String max) {
        return new FormField(
                name, label, values.get(name), errors.get(name), unit, min, max, hints.get(name), List.of());
    }

    FormField measured(String name, Vocabulary.Range range) {
        return new FormField(
                name,
                range.label(),
                values.get(name),
                errors.get(name),
                range.unit(),
                plain(range.min()),
                plain(range.max()),
                hints.get(name),
                List.of());
    }

    FormField check(String name, String label) {
        return new FormField(name, label, values.get(name), errors.get(name), null, null, null, null, List.of());
    }

    FormField choice(String name, String label, List<Option> options) {
        String current = values.getOrDefault(name, "");
        List<Option> marked = options.stream()
                .map(o -> new Option(o.value(), o.label(), o.value().equals(current)))
                .toList();
        return new FormField(
                name, label, values.get(name), errors.get(name), null, null, null, hints.get(name), marked);
    }

    static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
