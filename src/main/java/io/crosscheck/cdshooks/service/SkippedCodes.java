package io.crosscheck.cdshooks.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.problem.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a hook call left out of the EHR's data, listed in the response's {@code skippedCodes}: codes the FHIR mapping
 * did not know, and values the screening refused (out of range, repeated), which are dropped from the request so the
 * rest can still be screened.
 */
final class SkippedCodes {

    private static final Pattern LIST_ITEM =
            Pattern.compile("^/(observations|muscleLength|movementPatterns|symptoms|redFlags)/(\\d+)(/.*)?$");
    private static final Pattern OBJECT_FIELD = Pattern.compile("^/(breathing|psychosocial|lifestyle)/(\\w+)(/.*)?$");

    private final List<Map<String, String>> entries = new ArrayList<>();

    void add(String code, String resourceType, String reason) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("resourceType", resourceType);
        m.put("reason", reason);
        entries.add(m);
    }

    /** The entries, in the order they were skipped (the response's {@code skippedCodes}). */
    List<Map<String, String>> entries() {
        return entries;
    }

    /** Removes what the errors point at (list items, single fields) and lists it; false when an error cannot be dropped. */
    boolean dropRefused(ObjectNode request, List<FieldError> errors) {
        Map<String, TreeSet<Integer>> items = new LinkedHashMap<>();
        List<String[]> fields = new ArrayList<>();
        for (FieldError e : errors) {
            Matcher list = LIST_ITEM.matcher(e.field() == null ? "" : e.field());
            Matcher field = OBJECT_FIELD.matcher(e.field() == null ? "" : e.field());
            if (list.matches()) {
                items.computeIfAbsent(list.group(1), k -> new TreeSet<>()).add(Integer.parseInt(list.group(2)));
            } else if (field.matches()) {
                fields.add(new String[] {field.group(1), field.group(2)});
            } else {
                return false;
            }
        }
        items.forEach((name, indices) -> {
            ArrayNode array = (ArrayNode) request.get(name);
            for (int i : indices.descendingSet()) {
                if (array != null && i < array.size()) {
                    JsonNode item = array.get(i);
                    String code = item.path("code")
                            .asText(item.path("muscle")
                                    .asText(item.path("test")
                                            .asText(item.path("region").asText())));
                    add(code, name, "value refused by the screening (out of range, wrong unit or repeated)");
                    array.remove(i);
                }
            }
        });
        for (String[] f : fields) {
            if (request.get(f[0]) instanceof ObjectNode o) {
                o.remove(f[1]);
                add(f[0] + "." + f[1], f[0], "value refused by the screening (out of range)");
            }
        }
        return true;
    }
}
