package io.crosscheck.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a CDS Hooks 2.0 service response against the specification's own response model
 * (HL7/cds-hooks {@code input/fsh/logicals/CDSHooksResponse.fsh}): the required elements and their
 * value sets, and the invariants cds-resp-1 to cds-resp-7, restated here in Java. Returns each
 * violation as "card[i].path: what"; empty when the response conforms.
 */
public final class CdsConformance {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
    private static final Set<String> SELECTION = Set.of("at-most-one", "any");
    private static final Set<String> ACTION_TYPES = Set.of("create", "update", "delete");
    private static final Set<String> ACTION_SELECTION = Set.of("all", "any", "at-most-one");
    private static final Set<String> LINK_TYPES = Set.of("absolute", "smart");

    private CdsConformance() {}

    public static List<String> violations(String responseBody) {
        List<String> out = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(responseBody);
        } catch (IOException e) {
            return List.of("not JSON");
        }
        if (!root.path("cards").isArray()) {
            out.add("cards: required (an array, empty when there is nothing to say)");
            return out;
        }
        if (root.has("systemActions") && !root.get("systemActions").isArray()) {
            out.add("systemActions: must be an array");
        }
        int i = 0;
        for (JsonNode card : root.get("cards")) {
            card(card, "card[" + i++ + "]", out);
        }
        return out;
    }

    private static void card(JsonNode c, String at, List<String> out) {
        if (c.has("uuid") && !isUuid(c.get("uuid"))) {
            out.add(at + ".uuid: not a UUID");
        }
        String summary = c.path("summary").asText(null);
        if (summary == null || summary.isBlank()) {
            out.add(at + ".summary: required");
        } else if (summary.length() >= 140) {
            out.add(at + ".summary: must be under 140 characters");
        }
        if (c.has("detail") && !c.get("detail").isTextual()) {
            out.add(at + ".detail: must be (Markdown) text");
        }
        if (!INDICATORS.contains(c.path("indicator").asText())) {
            out.add(at + ".indicator: must be info, warning or critical");
        }
        JsonNode source = c.path("source");
        if (!source.isObject() || source.path("label").asText("").isBlank()) {
            out.add(at + ".source.label: required");
        }
        if (source.has("url") && !isAbsoluteUrl(source.get("url"))) {
            out.add(at + ".source.url: must be an absolute URL");
        }
        if (source.has("topic") && !source.get("topic").isObject()) {
            out.add(at + ".source.topic: must be a Coding");
        }
        JsonNode suggestions = c.path("suggestions");
        if (c.has("suggestions") && suggestions.isArray() && !suggestions.isEmpty()) {
            // cds-resp-6
            if (!c.has("selectionBehavior")) {
                out.add(at + ".selectionBehavior: required when suggestions are present (cds-resp-6)");
            }
            long recommended = 0;
            int j = 0;
            for (JsonNode s : suggestions) {
                String sAt = at + ".suggestions[" + j++ + "]";
                if (s.path("label").asText("").isBlank()) {
                    out.add(sAt + ".label: required");
                }
                if (s.has("uuid") && !isUuid(s.get("uuid"))) {
                    out.add(sAt + ".uuid: not a UUID");
                }
                if (s.path("isRecommended").asBoolean(false)) {
                    recommended++;
                }
                if (s.has("actionSelectionBehavior")
                        && !ACTION_SELECTION.contains(
                                s.get("actionSelectionBehavior").asText())) {
                    out.add(sAt + ".actionSelectionBehavior: all, any or at-most-one (cds-resp-7)");
                }
                int k = 0;
                for (JsonNode a : s.path("actions")) {
                    String aAt = sAt + ".actions[" + k++ + "]";
                    String type = a.path("type").asText();
                    if (!ACTION_TYPES.contains(type)) {
                        out.add(aAt + ".type: create, update or delete");
                    }
                    if (!a.has("description")) {
                        out.add(aAt + ".description: every action needs one (cds-resp-5)");
                    }
                    if ("delete".equals(type) && (!a.has("resourceId") || a.has("resource"))) {
                        out.add(aAt + ": a delete names a resourceId, not a resource (cds-resp-2)");
                    }
                    if ("create".equals(type) && !a.path("resource").has("resourceType")) {
                        out.add(aAt + ".resource: a create holds the new FHIR resource");
                    }
                }
            }
            // cds-resp-1
            if ("at-most-one".equals(c.path("selectionBehavior").asText()) && recommended > 1) {
                out.add(at + ": at most one recommended suggestion with selectionBehavior at-most-one (cds-resp-1)");
            }
        }
        if (c.has("selectionBehavior")
                && !SELECTION.contains(c.get("selectionBehavior").asText())) {
            out.add(at + ".selectionBehavior: at-most-one or any");
        }
        int j = 0;
        for (JsonNode r : c.path("overrideReasons")) {
            if (!r.hasNonNull("display")) {
                out.add(at + ".overrideReasons[" + j + "].display: required (cds-resp-4)");
            }
            j++;
        }
        j = 0;
        for (JsonNode l : c.path("links")) {
            String lAt = at + ".links[" + j++ + "]";
            if (l.path("label").asText("").isBlank()) {
                out.add(lAt + ".label: required");
            }
            if (!isAbsoluteUrl(l.get("url"))) {
                out.add(lAt + ".url: required, an absolute URL");
            }
            if (!LINK_TYPES.contains(l.path("type").asText())) {
                out.add(lAt + ".type: absolute or smart");
            }
            if (!"smart".equals(l.path("type").asText()) && l.has("appContext")) {
                out.add(lAt + ".appContext: only on smart links (cds-resp-3)");
            }
        }
    }

    private static boolean isUuid(JsonNode n) {
        try {
            UUID.fromString(n.asText());
            return n.isTextual();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isAbsoluteUrl(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return false;
        }
        try {
            URI u = URI.create(n.asText());
            return u.isAbsolute() && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
