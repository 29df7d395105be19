package io.crosscheck.web.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A posted form's values as JSON: text, numbers as typed, yes/no, checkboxes; an empty field is not sent. */
final class PostedValues {

    private PostedValues() {}

    static void putIfAny(ObjectNode req, String name, JsonNode node) {
        if (node.size() > 0) {
            req.set(name, node);
        }
    }

    static boolean isChecked(String v) {
        return "on".equals(v) || "true".equals(v);
    }

    static java.util.Optional<String> text(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v.trim());
    }

    static void number(
            Map<String, String> form,
            String name,
            ObjectNode into,
            String field,
            String pointer,
            Map<String, String> pointers) {
        text(form, name).ifPresent(t -> {
            setNumber(into, field, t);
            pointers.put(pointer, name);
        });
    }

    static void yesNo(
            Map<String, String> form,
            String name,
            ObjectNode into,
            String field,
            String pointer,
            Map<String, String> pointers) {
        String v = form.get(name);
        if ("yes".equals(v) || "no".equals(v)) {
            into.put(field, "yes".equals(v));
            pointers.put(pointer, name);
        }
    }

    /** A number as typed; text that is not a number is sent as text, so the API's own type check names the field. */
    static void setNumber(ObjectNode into, String field, String text) {
        String t = text.replace(',', '.');
        try {
            if (t.matches("-?\\d{1,9}")) {
                into.put(field, Integer.parseInt(t));
            } else {
                into.put(field, Double.parseDouble(t));
            }
        } catch (NumberFormatException e) {
            into.put(field, text);
        }
    }
}
