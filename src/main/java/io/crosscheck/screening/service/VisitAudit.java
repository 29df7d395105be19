package io.crosscheck.screening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.crosscheck.common.json.Json;
import io.crosscheck.screening.Screening;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the audit entry {@code screening.notes} says about a stored screening's visit: which notes were recorded,
 * changed or removed (by name: occupation, subjective, goals, treatment) and whether the visit's time changed. Never
 * a word of the notes themselves. The names are those of {@code io.crosscheck.screening.model.Visit.Notes}. Null when there is nothing to say (no notes, nothing changed).
 */
final class VisitAudit {

    private static final ObjectMapper JSON = Json.newMapper();

    private VisitAudit() {}

    /** The detail for a new screening: the notes recorded; null without notes. */
    static String created(Screening s) {
        return changed(null, s);
    }

    /** The detail for {@code after}, a new version of {@code before} (null: a new screening). */
    static String changed(Screening before, Screening after) {
        JsonNode was = before == null ? MissingNode.getInstance() : visit(before);
        JsonNode now = visit(after);
        List<String> recorded = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String name : List.of("occupation", "subjective", "goals", "treatment")) {
            String a = text(was, name);
            String b = text(now, name);
            if (a == null && b != null) {
                recorded.add(name);
            } else if (a != null && b == null) {
                removed.add(name);
            } else if (a != null && !a.equals(b)) {
                changed.add(name);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!recorded.isEmpty()) {
            parts.add("notes recorded: " + String.join(", ", recorded));
        }
        if (!changed.isEmpty()) {
            parts.add("notes changed: " + String.join(", ", changed));
        }
        if (!removed.isEmpty()) {
            parts.add("notes removed: " + String.join(", ", removed));
        }
        if (before != null && !Objects.equals(before.screened(), after.screened())) {
            parts.add("visit time changed");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String text(JsonNode visit, String name) {
        JsonNode n = visit.path("notes").path(name);
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    private static JsonNode visit(Screening s) {
        try {
            return JSON.readTree(s.request()).path("visit");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
