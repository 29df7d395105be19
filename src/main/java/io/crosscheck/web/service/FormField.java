package io.crosscheck.web.service;

import java.util.List;

/**
 * One input of a page form, resolved on the server: its name (the key the form reader understands),
 * label, current value (a draft, an amended screening or the value just refused), the API's message
 * when the value was refused, and for measured fields the unit and the valid range.
 */
public record FormField(
        String name,
        String label,
        String value,
        String error,
        String unit,
        String min,
        String max,
        String hint,
        List<Option> options) {

    /** One choice of a select or radio group. */
    public record Option(String value, String label, boolean selected) {}

    public boolean hasError() {
        return error != null;
    }

    /** The HTML id: the name with characters an id selector dislikes replaced. */
    public String id() {
        return "f-" + name.replace('.', '-');
    }

    public boolean checked() {
        return "true".equals(value) || "on".equals(value);
    }
}
