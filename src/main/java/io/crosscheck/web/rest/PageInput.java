package io.crosscheck.web.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the pages read from a request besides the form's own fields: a posted form as one value per field, a
 * blank value as none, and a screening id in the path as a UUID (a malformed id is not found, like an unknown one).
 */
final class PageInput {

    private PageInput() {}

    static Map<String, String> single(MultivaluedMap<String, String> posted) {
        Map<String, String> values = new LinkedHashMap<>();
        posted.forEach((k, v) -> {
            if (!v.isEmpty()) {
                values.put(k, v.get(0));
            }
        });
        return values;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
