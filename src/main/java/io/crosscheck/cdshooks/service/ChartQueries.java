package io.crosscheck.cdshooks.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.Json;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.fhir.service.CrosscheckCodes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The FHIR reads a hook call needs, as prefetch templates and as the searches Crosscheck runs itself: the patient, the
 * encounter in context, and the Observations, Conditions and QuestionnaireResponses newest first ({@code _sort}), a
 * page at a time ({@code _count}), Observations and Conditions only with a code Crosscheck reads ({@code code}: the
 * Crosscheck code system, and every coding the knowledge base's reference data defines, so a coding added to
 * {@code rules/reference/} is asked for without code here). QuestionnaireResponses are not filtered: their items are
 * matched by linkId, not by a code a search can name. Pure.
 */
public final class ChartQueries {

    public static final String PATIENT = "patient";
    public static final String ENCOUNTER = "encounter";
    public static final String OBSERVATIONS = "observations";
    public static final String CONDITIONS = "conditions";
    public static final String QUESTIONNAIRE_RESPONSES = "questionnaireResponses";

    /** The keys that carry answers: what is not fully read of them makes the screens incomplete. */
    public static final List<String> ANSWER_KEYS = List.of(OBSERVATIONS, CONDITIONS, QUESTIONNAIRE_RESPONSES);

    /** Reads the reference data as JSON; a class with nothing to write (a catalogue's index) is an empty object. */
    private static final ObjectMapper JSON =
            Json.newMapper().disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private static volatile Cached cache;

    private record Cached(ReferenceData reference, List<String> codings) {}

    private ChartQueries() {}

    /** The prefetch templates (key to FHIR query, with the CDS Hooks prefetch tokens). */
    public static Map<String, String> templates(ReferenceData reference, int pageSize, Collection<String> localCodes) {
        Set<String> all = new java.util.LinkedHashSet<>(codings(reference));
        all.addAll(new TreeSet<>(localCodes));
        String codes = String.join(",", all);
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PATIENT, "Patient/{{context.patientId}}");
        p.put(ENCOUNTER, "Encounter/{{context.encounterId}}");
        p.put(
                OBSERVATIONS,
                "Observation?patient={{context.patientId}}&code=" + codes + "&_sort=-date&_count=" + pageSize);
        p.put(
                CONDITIONS,
                "Condition?patient={{context.patientId}}&code=" + codes + "&_sort=-recorded-date&_count=" + pageSize);
        p.put(
                QUESTIONNAIRE_RESPONSES,
                "QuestionnaireResponse?patient={{context.patientId}}&_sort=-authored&_count=" + pageSize);
        return p;
    }

    /** A template with the context filled in, its query values URL-encoded: ready to append to the server's base URL. */
    public static String query(String template, String patientId, String encounterId) {
        String filled = template.replace("{{context.patientId}}", patientId)
                .replace("{{context.encounterId}}", encounterId == null ? "" : encounterId);
        int q = filled.indexOf('?');
        if (q < 0) {
            return filled;
        }
        StringBuilder out = new StringBuilder(filled.substring(0, q + 1));
        String[] pairs = filled.substring(q + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            out.append(i == 0 ? "" : "&")
                    .append(pairs[i], 0, eq + 1)
                    .append(URLEncoder.encode(pairs[i].substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /**
     * The codings a code filter names ({@code system|code}, sorted): the Crosscheck code system as a whole
     * ({@code system|}, any code of it) and every coding in the reference data (red-flag findings included); the
     * templates add the local codes of the site's ConceptMaps. Found by walking the reference data as JSON for objects with a {@code system} and a
     * {@code code}, so codings added to any reference file are included.
     */
    public static List<String> codings(ReferenceData reference) {
        Cached c = cache;
        if (c != null && c.reference() == reference) {
            return c.codings();
        }
        TreeSet<String> out = new TreeSet<>();
        collect(JSON.valueToTree(reference), out);
        collect(JSON.valueToTree(reference.inputs().inputs()), out);
        CrosscheckCodes.FINDING_ANSWERS.keySet().forEach(out::add);
        out.removeIf(s -> s.startsWith(CrosscheckCodes.SYSTEM + "|"));
        List<String> list = new ArrayList<>();
        list.add(CrosscheckCodes.SYSTEM + "|");
        list.addAll(out);
        List<String> codings = List.copyOf(list);
        cache = new Cached(reference, codings);
        return codings;
    }

    private static void collect(JsonNode node, TreeSet<String> out) {
        if (node.isObject()) {
            JsonNode system = node.get("system");
            JsonNode code = node.get("code");
            if (system != null
                    && system.isTextual()
                    && code != null
                    && code.isTextual()
                    && system.asText().contains(":")) {
                out.add(system.asText() + "|" + code.asText());
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }
}
