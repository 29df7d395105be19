package io.crosscheck.web.service;

import io.crosscheck.common.json.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * What the screening form says beside a field the API refused, in a clinician's words ({@code web/form-words.yaml}):
 * for a number, what to enter from the field's own unit and range ("Enter a whole number of degrees between 0 and
 * 90"), whatever the API's wording was, when the value typed explains the refusal (not a number, not whole, out of
 * range); for a choice left empty, what to choose. Any other refusal (a check between answers) keeps the API's
 * message, which already names the answers concerned.
 */
final class FieldMessages {

    /** The words of {@code web/form-words.yaml}. */
    record Words(Map<String, String> units, Map<String, String> messages) {}

    static final FieldMessages WORDS = load();

    private final Words words;

    private FieldMessages(Words words) {
        this.words = words;
    }

    static FieldMessages load() {
        try (InputStream in = FieldMessages.class.getResourceAsStream("/web/form-words.yaml")) {
            if (in == null) {
                throw new IllegalStateException("web/form-words.yaml is missing from the classpath");
            }
            return new FieldMessages(Yaml.strictMapper().readValue(in, Words.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The message beside a number field the API refused: what to enter when {@code typed} is not a number of the
     * field's kind within its range, else the API's own {@code message}.
     */
    String number(String message, String typed, String unit, String min, String max, boolean whole) {
        if (min == null || max == null || fits(typed, min, max, whole)) {
            return message;
        }
        String said = unit == null ? null : words.units().get(unit);
        String key = (whole ? "wholeNumber" : "number") + (said == null ? "OnScale" : "");
        return words.messages()
                .get(key)
                .replace("{unit}", said == null ? "" : said)
                .replace("{min}", min)
                .replace("{max}", max);
    }

    /** The message beside a choice the API refused: what to choose when nothing was chosen, else the API's. */
    String choice(String message, String chosen, String label) {
        if (chosen != null && !chosen.isBlank()) {
            return message;
        }
        // "Symptom 1: kind" is chosen as "the kind"
        String what = label.substring(label.lastIndexOf(": ") + 1).trim();
        return words.messages().get("choose").replace("{label}", what.toLowerCase(Locale.ROOT));
    }

    private static boolean fits(String typed, String min, String max, boolean whole) {
        if (typed == null || typed.isBlank()) {
            return true;
        }
        double v;
        try {
            v = Double.parseDouble(typed.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return false;
        }
        return !Double.isNaN(v)
                && (!whole || v == Math.rint(v))
                && v >= Double.parseDouble(min)
                && v <= Double.parseDouble(max);
    }
}
