package io.crosscheck.web.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.json.Yaml;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.explain.Explanation;
import io.crosscheck.engine.explain.ExplanationNode;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ClientHistory;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningService;
import io.crosscheck.screening.service.ScreeningStore;
import io.crosscheck.screening.service.ThresholdLines;
import io.crosscheck.web.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The screening pages' side of the screening service: the form laid out from the serving knowledge
 * base, a posted form screened through {@link ScreeningService} (the one evaluation path every entry
 * point uses), and stored results turned into what the result page, the printouts and the derivation
 * view show. No evaluation of its own, no storage of its own.
 */
@ApplicationScoped
public class WebScreenings {

    public static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Patterns are listed with the strongest call first. */
    private record StageDef(int phase, String title, String summary) {}

    private record Stages(List<StageDef> stages) {}

    private final ScreeningService screenings;
    private final ScreeningStore store;
    private final KnowledgeBaseService knowledgeBases;
    private final ObjectMapper mapper;
    private final ScreeningForm form;
    private final BodyDiagram diagram = BodyDiagram.load();
    private final List<StageDef> stages;

    WebScreenings(
            ScreeningService screenings,
            ScreeningStore store,
            KnowledgeBaseService knowledgeBases,
            ObjectMapper mapper,
            WebConfig config) {
        this.screenings = screenings;
        this.store = store;
        this.knowledgeBases = knowledgeBases;
        this.mapper = mapper;
        this.form = new ScreeningForm(mapper, Questionnaires.load(), config.symptomRows());
        try (InputStream in = WebScreenings.class.getResourceAsStream("/web/plan-stages.yaml")) {
            this.stages = Yaml.strictMapper().readValue(in, Stages.class).stages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The knowledge base in service, whose vocabulary and inputs the form follows. */
    public KnowledgeBase knowledgeBase() {
        return knowledgeBases.current();
    }

    public ScreeningForm form() {
        return form;
    }

    public BodyDiagram diagram() {
        return diagram;
    }

    /** The form for the serving knowledge base with these values and errors. */
    public FormModel model(Map<String, String> values, Map<String, String> errors) {
        KnowledgeBase kb = knowledgeBases.current();
        return form.model(kb, values, errors, thresholdHints(kb));
    }

    /**
     * Beside each measured field, the threshold the rules use on it ("counts below 50 deg"), read from the
     * rules and reference data (the same reading as the history charts' reference lines, kept by the
     * knowledge base).
     */
    static Map<String, String> thresholdHints(KnowledgeBase kb) {
        Map<String, String> out = new LinkedHashMap<>();
        var v = kb.reference().vocabulary();
        for (var p : v.posture()) {
            if (p.measurement() != null) {
                hint(
                        out,
                        List.of("obs." + p.code() + ".value"),
                        ThresholdLines.of(
                                kb, "observation", p.code(), p.measurement().unit()));
            }
        }
        for (var m : v.muscles()) {
            if (m.measurement() != null) {
                hint(
                        out,
                        ScreeningForm.SIDES.stream()
                                .map(side -> "ml." + m.code() + "." + side + ".value")
                                .toList(),
                        ThresholdLines.of(
                                kb, "muscleLength", m.code(), m.measurement().unit()));
            }
        }
        for (var t : v.movementTests()) {
            if (t.measurement() != null) {
                hint(
                        out,
                        (t.sided() ? ScreeningForm.SIDES : List.of(ScreeningForm.BOTH))
                                .stream()
                                        .map(side -> "mv." + t.code() + "." + side + ".value")
                                        .toList(),
                        ThresholdLines.of(
                                kb, "movement", t.code(), t.measurement().unit()));
            }
        }
        for (var i : kb.reference().inputs().inputs()) {
            if (i.type().numeric()) {
                hint(out, List.of(FormLayout.fieldName(i)), ThresholdLines.of(kb, "answer", i.code(), i.unit()));
            }
        }
        return out;
    }

    private static void hint(Map<String, String> out, List<String> fields, List<ClientHistory.ThresholdLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String text = "rules: "
                + String.join(
                        "; ",
                        lines.stream()
                                .map(l -> l.label() + " " + l.comparator() + " "
                                        + (l.value() == Math.rint(l.value())
                                                ? Long.toString((long) l.value())
                                                : Double.toString(l.value()))
                                        + " " + l.unit()
                                        + " ("
                                        + String.join(
                                                ", ",
                                                l.rules().stream()
                                                        .map(ClientHistory.ThresholdRule::id)
                                                        .toList())
                                        + ")")
                                .toList());
        fields.forEach(f -> out.put(f, text));
    }

    /** A posted form as the API's JSON request, with the field behind each JSON pointer. */
    public ScreeningForm.Read read(Map<String, String> values) {
        return form.read(knowledgeBases.current(), values);
    }

    /** Screens the request read from a form, through the screening service; its Idempotency-Key makes a double submit harmless. */
    public UUID screen(ScreeningForm.Read read, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<ObjectNode> earlier = screenings.findByIdempotencyKey(idempotencyKey, false);
            if (earlier.isPresent()) {
                return UUID.fromString(earlier.get().get("id").asText());
            }
        }
        return screenings.screen(json(read.request()), idempotencyKey).id();
    }

    /** Amends a stored screening with the request read from a form: a new version through the screening service; returns its id. */
    public UUID amend(UUID id, String reason, ScreeningForm.Read read) {
        ObjectNode result = screenings.amend(id, new ScreeningService.AmendmentRequest(reason, json(read.request())));
        return UUID.fromString(result.get("id").asText());
    }

    /** The conclusions of a result a clinician may disagree with: patterns, referrals and plan items. */
    public List<FormField.Option> conclusions(ScreeningResult r) {
        List<FormField.Option> out = new ArrayList<>();
        if (r.patterns() != null) {
            r.patterns().stream()
                    .filter(p -> p.conclusionId() != null)
                    .forEach(p -> out.add(new FormField.Option(
                            p.conclusionId(), "Pattern: " + p.name() + " (" + p.status() + ")", false)));
        }
        if (r.redFlags() != null && r.redFlags().referrals() != null) {
            r.redFlags().referrals().stream()
                    .filter(x -> x.conclusionId() != null)
                    .forEach(x -> out.add(new FormField.Option(
                            x.conclusionId(), "Referral: " + x.label() + " (" + x.urgency() + ")", false)));
        }
        if (r.interventions() != null) {
            r.interventions().stream()
                    .filter(i -> i.conclusionIds() != null && !i.conclusionIds().isEmpty())
                    .forEach(i -> out.add(new FormField.Option(i.conclusionIds().get(0), "Plan: " + i.name(), false)));
        }
        return out;
    }

    /** A stored screening of the caller's clinic: the entity (its request) and its result. */
    public record Stored(Screening screening, ScreeningResult result, JsonNode request) {}

    public Optional<Stored> stored(UUID id) {
        // the stored result is kept without its explanation: read as it is, with no explanation parsed for a page
        // that does not show one (derivations are read on demand, from the entity, by derivation())
        return find(id).map(s -> {
            try {
                return new Stored(
                        s, mapper.readValue(s.resultJson, ScreeningResult.class), mapper.readTree(s.requestJson));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A stored screening of the caller's clinic, as stored (the read is audited by the store). */
    public Optional<Screening> find(UUID id) {
        return store.find(id);
    }

    /** The result page's content. */
    public ResultView view(Stored stored) {
        ScreeningResult r = stored.result();
        KnowledgeBase kb = knowledgeBases.current();
        ScreeningResult.RedFlagOutcome rf = r.redFlags();
        boolean referral = rf != null && rf.referral();
        ResultView.Safety safety = new ResultView.Safety(
                referral,
                rf == null ? null : rf.urgency(),
                r.summary() == null ? null : r.summary().headline(),
                rf == null || rf.referrals() == null ? List.of() : rf.referrals(),
                rf == null || rf.screen() == null ? null : rf.screen().status(),
                rf == null || rf.screen() == null || rf.screen().unanswered() == null
                        ? List.of()
                        : rf.screen().unanswered(),
                rf != null && rf.exerciseWithheld());
        List<ResultView.PatternView> patterns = r.patterns() == null
                ? List.of()
                : r.patterns().stream()
                        .map(p -> new ResultView.PatternView(
                                p,
                                referral
                                        || (p.assessment() != null
                                                && !p.assessment().equals("assessed"))))
                        .sorted(Comparator.comparingInt(v -> v.pattern().patternStatus() == null
                                ? 9
                                : v.pattern().patternStatus().ordinal()))
                        .toList();
        Map<Integer, List<ResultView.PlanItem>> byPhase = new LinkedHashMap<>();
        stages.forEach(s -> byPhase.put(s.phase(), new ArrayList<>()));
        if (r.interventions() != null) {
            for (ScreeningResult.InterventionResult i : r.interventions()) {
                String page = KbDocs.page(kb.source(), "interventions/" + i.id() + ".md")
                        .orElse("");
                byPhase.computeIfAbsent(i.phase(), k -> new ArrayList<>())
                        .add(new ResultView.PlanItem(
                                i,
                                KbDocs.section(page, "How to perform")
                                        .map(KbDocs::plain)
                                        .orElse(null),
                                KbDocs.section(page, "Precautions")
                                        .map(KbDocs::plain)
                                        .orElse(i.precautions())));
            }
        }
        List<ResultView.Stage> plan = new ArrayList<>();
        for (Map.Entry<Integer, List<ResultView.PlanItem>> e : byPhase.entrySet()) {
            StageDef def = stages.stream()
                    .filter(s -> s.phase() == e.getKey())
                    .findFirst()
                    .orElse(new StageDef(e.getKey(), "Stage " + e.getKey(), ""));
            if (!e.getValue().isEmpty()) {
                plan.add(new ResultView.Stage(def.phase(), def.title(), def.summary(), e.getValue()));
            }
        }
        return new ResultView(
                r.id().toString(),
                r.clientRef(),
                WHEN.format(r.createdAt()),
                r.knowledgeBase() == null
                        ? stored.screening().kbVersion
                        : r.knowledgeBase().version(),
                r.disclaimer(),
                r.summary(),
                safety,
                patterns,
                diagram.svg(r),
                diagram.marks(r),
                plan,
                nonNull(r.withheld()),
                nonNull(r.precautions()),
                nonNull(r.contributors()),
                nonNull(r.yellowFlags()));
    }

    /** The derivation tree of one conclusion (or of every conclusion the result names, when null), down to the inputs. */
    public List<DerivationRow> derivation(Screening s, String conclusionId) {
        Explanation e;
        try {
            e = mapper.readValue(s.explanationJson, Explanation.class);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, ExplanationNode> nodes = new LinkedHashMap<>();
        e.nodes().forEach(n -> nodes.put(n.id(), n));
        List<DerivationRow> rows = new ArrayList<>();
        if (conclusionId != null) {
            if (!nodes.containsKey(conclusionId)) {
                return List.of();
            }
            walk(nodes, conclusionId, 0, new HashSet<>(), rows);
        } else {
            nodes.values().stream()
                    .filter(n -> "conclusion".equals(n.kind()))
                    .sorted(Comparator.comparing(
                            ExplanationNode::id,
                            Comparator.comparingInt(String::length).thenComparing(String::compareTo)))
                    .forEach(n -> walk(nodes, n.id(), 0, new HashSet<>(), rows));
        }
        return rows;
    }

    private static void walk(
            Map<String, ExplanationNode> nodes, String id, int depth, Set<String> seen, List<DerivationRow> rows) {
        ExplanationNode n = nodes.get(id);
        if (n == null) {
            return;
        }
        boolean repeated = !seen.add(id);
        var rule = n.rule();
        rows.add(new DerivationRow(
                depth,
                n.id(),
                n.kind(),
                n.type(),
                n.statement(),
                n.because(),
                rule == null ? null : rule.id(),
                rule == null ? null : rule.name(),
                rule == null ? null : rule.file(),
                rule == null ? null : rule.line(),
                repeated));
        if (repeated || n.matched() == null || depth > 12) {
            return;
        }
        for (String m : n.matched()) {
            walk(nodes, m, depth + 1, seen, rows);
        }
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
