package io.crosscheck.web.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.outcome.OutcomeMeasures;
import io.crosscheck.engine.outcome.OutcomeMeasures.Measure;
import io.crosscheck.web.service.FormField.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The screening form's outcome measures and follow-up, both ways, from {@code rules/reference/outcome-measures.yaml}:
 * one field per item of each measure ({@code oc.<measure>.<i>}; the PSFS's activities {@code oc.psfs.a.<i>}), and per
 * exercise of the previous visit's sheet how often it was done and how it was tolerated ({@code fu.<id>.done},
 * {@code fu.<id>.tolerance}; the exercises in {@code fu.ids}, the previous visit's date in {@code fu.date}). A measure
 * left blank is not sent: never a zero score.
 */
public final class OutcomeForm {

    private OutcomeForm() {}

    /** The section of the form. */
    public record View(List<MeasureView> measures, String previousDate, List<FollowUpRow> followUp, String ids) {}

    /**
     * One measure: its items' fields (a licensed one shows the item's topic only), or for the PSFS one row per
     * activity; {@code offered} when the client's symptom regions call for it (else folded).
     */
    public record MeasureView(
            String code,
            String name,
            String help,
            boolean scoresOnly,
            boolean offered,
            List<FormField> items,
            List<ActivityRow> activities,
            FormModel.Scope scope) {}

    /** One PSFS activity and its rating. */
    public record ActivityRow(FormField activity, FormField score) {}

    /** One exercise of the previous sheet. */
    public record FollowUpRow(String id, String name, FormField done, FormField tolerance) {}

    static View model(KnowledgeBase kb, FormFields fields, FormScope scope) {
        Set<String> regions = scope.regions();
        OutcomeMeasures outcomes = kb.reference().outcomes();
        List<MeasureView> measures = new ArrayList<>();
        for (Measure m : outcomes.measures()) {
            String p = "oc." + m.code() + ".";
            String range = m.itemMin() + "-" + m.itemMax();
            List<FormField> items = new ArrayList<>();
            List<ActivityRow> activities = new ArrayList<>();
            if (m.namedByClient()) {
                for (int i = 0; i < m.itemCount(); i++) {
                    activities.add(new ActivityRow(
                            fields.text(p + "a." + i, "Activity " + (i + 1)),
                            fields.number(
                                    p + i,
                                    "Activity " + (i + 1) + " rating",
                                    range,
                                    String.valueOf(m.itemMin()),
                                    String.valueOf(m.itemMax()))));
                }
            } else {
                List<Option> scores = new ArrayList<>();
                scores.add(new Option("", "not asked", false));
                for (int v = m.itemMin(); v <= m.itemMax(); v++) {
                    scores.add(new Option(String.valueOf(v), String.valueOf(v), false));
                }
                for (int i = 0; i < m.items().size(); i++) {
                    String label = m.items().get(i).label();
                    items.add(
                            m.itemMax() - m.itemMin() > 5
                                    ? fields.number(
                                            p + i,
                                            label,
                                            range,
                                            String.valueOf(m.itemMin()),
                                            String.valueOf(m.itemMax()))
                                    : fields.choice(p + i, (i + 1) + ". " + label, scores));
                }
            }
            boolean answered = fields.values.keySet().stream().anyMatch(k -> k.startsWith(p));
            measures.add(new MeasureView(
                    m.code(),
                    m.name(),
                    help(m),
                    m.scoresOnly(),
                    answered || m.appliesTo(regions),
                    items,
                    activities,
                    scope.measure(m.appliesTo() == null ? null : m.appliesTo().regions(), p)));
        }
        List<Option> done = codes("not recorded", outcomes.followUp().done());
        List<Option> tolerance = codes("not recorded", outcomes.followUp().tolerance());
        List<FollowUpRow> rows = new ArrayList<>();
        String ids = fields.values.getOrDefault("fu.ids", "");
        for (String id : ids(ids)) {
            String name = kb.reference().intervention(id).map(d -> d.getName()).orElse(id);
            rows.add(new FollowUpRow(
                    id,
                    name,
                    fields.choice("fu." + id + ".done", name + ": done", done),
                    fields.choice("fu." + id + ".tolerance", name + ": tolerated", tolerance)));
        }
        return new View(List.copyOf(measures), fields.values.get("fu.date"), List.copyOf(rows), ids);
    }

    private static String help(Measure m) {
        String mcid =
                "MCID " + FormFields.plain(m.mcid().value()) + " (" + m.mcid().note() + ")";
        return m.scoresOnly()
                ? "Scores only: use the licensed questionnaire with the client and enter each section's score ("
                        + m.itemMin() + "-" + m.itemMax() + "); at most " + m.maxMissing()
                        + " left blank. " + mcid + "."
                : mcid + ".";
    }

    private static List<Option> codes(String none, List<OutcomeMeasures.Code> codes) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", none, false));
        codes.forEach(c -> options.add(new Option(c.code(), c.label(), false)));
        return options;
    }

    static List<String> ids(String ids) {
        return ids == null || ids.isBlank()
                ? List.of()
                : Arrays.stream(ids.split(","))
                        .map(String::trim)
                        .filter(s -> s.matches("[a-z][a-z0-9_]*"))
                        .toList();
    }

    /** Reads the posted measures into {@code outcomes} and the follow-up into {@code followUp.items}. */
    static void read(KnowledgeBase kb, Map<String, String> form, ObjectNode req, Map<String, String> pointers) {
        ArrayNode outcomes = JsonNodeFactory.instance.arrayNode();
        for (Measure m : kb.reference().outcomes().measures()) {
            String p = "oc." + m.code() + ".";
            String ptr = "/outcomes/" + outcomes.size();
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("measure", m.code());
            ArrayNode items = o.putArray("items");
            boolean any = false;
            if (m.namedByClient()) {
                ArrayNode activities = o.putArray("activities");
                for (int i = 0; i < m.itemCount(); i++) {
                    String activity = text(form, p + "a." + i);
                    String score = text(form, p + i);
                    if (activity == null && score == null) {
                        continue;
                    }
                    any = true;
                    pointers.put(ptr + "/activities/" + activities.size(), p + "a." + i);
                    pointers.put(ptr + "/items/" + items.size(), p + i);
                    activities.add(activity == null ? "" : activity);
                    addNumber(items, score);
                }
                pointers.put(ptr + "/items", p + "a.0");
            } else {
                for (int i = 0; i < m.items().size(); i++) {
                    String score = text(form, p + i);
                    any |= score != null;
                    pointers.put(ptr + "/items/" + i, p + i);
                    addNumber(items, score);
                }
                pointers.put(ptr + "/items", p + "0");
            }
            if (any) {
                pointers.put(ptr, p + (m.namedByClient() ? "a.0" : "0"));
                outcomes.add(o);
            }
        }
        if (!outcomes.isEmpty()) {
            req.set("outcomes", outcomes);
        }
        ArrayNode followUp = JsonNodeFactory.instance.arrayNode();
        for (String id : ids(form.get("fu.ids"))) {
            String done = text(form, "fu." + id + ".done");
            String tolerance = text(form, "fu." + id + ".tolerance");
            if (done == null && tolerance == null) {
                continue;
            }
            String ptr = "/followUp/items/" + followUp.size();
            ObjectNode item = followUp.addObject().put("intervention", id);
            if (done != null) {
                item.put("done", done);
            }
            if (tolerance != null) {
                item.put("tolerance", tolerance);
            }
            pointers.put(ptr, "fu." + id + ".done");
            pointers.put(ptr + "/done", "fu." + id + ".done");
            pointers.put(ptr + "/tolerance", "fu." + id + ".tolerance");
            pointers.put(ptr + "/intervention", "fu." + id + ".done");
        }
        if (!followUp.isEmpty()) {
            req.putObject("followUp").set("items", followUp);
        }
    }

    /** The form values of a stored request's measures and follow-up (to amend it): the inverse of {@link #read}. */
    static void values(KnowledgeBase kb, JsonNode request, Map<String, String> out) {
        for (JsonNode o : request.path("outcomes")) {
            String p = "oc." + o.path("measure").asText() + ".";
            JsonNode items = o.path("items");
            JsonNode activities = o.path("activities");
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).isNull()) {
                    out.put(p + i, FormFields.plain(items.get(i).asDouble()));
                }
                if (activities.has(i)) {
                    out.put(p + "a." + i, activities.get(i).asText());
                }
            }
        }
        JsonNode followUp = request.path("followUp");
        List<String> ids = new ArrayList<>();
        followUp.path("previous").path("programme").forEach(id -> ids.add(id.asText()));
        if (followUp.path("previous").hasNonNull("date")) {
            out.put("fu.date", followUp.path("previous").path("date").asText());
        }
        for (JsonNode item : followUp.path("items")) {
            String id = item.path("intervention").asText();
            if (!ids.contains(id)) {
                ids.add(id);
            }
            if (item.hasNonNull("done")) {
                out.put("fu." + id + ".done", item.path("done").asText());
            }
            if (item.hasNonNull("tolerance")) {
                out.put("fu." + id + ".tolerance", item.path("tolerance").asText());
            }
        }
        if (!ids.isEmpty()) {
            out.put("fu.ids", String.join(",", ids));
        }
    }

    private static void addNumber(ArrayNode items, String text) {
        if (text == null) {
            items.addNull();
            return;
        }
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        PostedValues.setNumber(holder, "v", text);
        items.add(holder.get("v"));
    }

    private static String text(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
