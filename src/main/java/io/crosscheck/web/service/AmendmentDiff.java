package io.crosscheck.web.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.engine.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an amendment changed: the fields of the earlier version's request against the later one's, by their labels, each
 * with the old and the new value ("Muscle length: iliopsoas (hip flexors), right: short, 9 deg → normal"). A field only
 * one of them recorded reads "not recorded" on the other side.
 */
public final class AmendmentDiff {

    /** Shown when a version did not record the field. */
    public static final String NOT_RECORDED = "not recorded";

    /** One changed field. */
    public record Change(String label, String before, String after) {}

    private AmendmentDiff() {}

    /** The changed fields, in the order of the later request, then the fields only the earlier one had. */
    public static List<Change> between(KnowledgeBase kb, JsonNode earlier, JsonNode later) {
        Map<String, RequestFields.Field> before = byKey(RequestFields.of(kb, earlier));
        Map<String, RequestFields.Field> after = byKey(RequestFields.of(kb, later));
        List<Change> out = new ArrayList<>();
        after.forEach((key, now) -> {
            RequestFields.Field was = before.get(key);
            if (was == null || !Objects.equals(was.value(), now.value())) {
                out.add(new Change(now.label(), was == null ? NOT_RECORDED : was.value(), now.value()));
            }
        });
        before.forEach((key, was) -> {
            if (!after.containsKey(key)) {
                out.add(new Change(was.label(), was.value(), NOT_RECORDED));
            }
        });
        return out;
    }

    private static Map<String, RequestFields.Field> byKey(List<RequestFields.Field> fields) {
        Map<String, RequestFields.Field> out = new LinkedHashMap<>();
        fields.forEach(f -> out.putIfAbsent(f.key(), f));
        return out;
    }
}
