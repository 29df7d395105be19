package io.crosscheck.web.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.web.service.FormField.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The screening form, both ways. {@link #model} lays the form out from the knowledge base's own
 * vocabulary (every posture sign, muscle, movement test, red-flag question and symptom code it
 * accepts, with units and ranges), in examination order; {@link #read} turns the posted form into the
 * same JSON request the REST API takes, remembering which form field produced which JSON pointer so
 * the API's validation messages are shown next to the field they name. A field left empty is not
 * sent: an unanswered question stays unanswered, never "no".
 */
public final class ScreeningForm {

    public static final List<String> SIDES = List.of("right", "left");
    public static final String BOTH = "both";

    /** What {@link #read} produced: the request JSON and, per JSON pointer, the form field behind it. */
    public record Read(ObjectNode request, Map<String, String> fieldOfPointer) {

        /** The API's errors keyed by form field; an error on no known field is kept under "". */
        public Map<String, String> errorsByField(List<FieldError> errors) {
            Map<String, String> out = new LinkedHashMap<>();
            for (FieldError e : errors) {
                String field = fieldOf(e.field());
                out.merge(field, e.message(), (a, b) -> a + "; " + b);
            }
            return out;
        }

        /** The field behind a pointer, or behind its nearest enclosing pointer; "" when none. */
        public String fieldOf(String pointer) {
            String p = pointer == null ? "" : pointer;
            while (!p.isEmpty()) {
                String f = fieldOfPointer.get(p);
                if (f != null) {
                    return f;
                }
                int cut = p.lastIndexOf('/');
                p = cut <= 0 ? "" : p.substring(0, cut);
            }
            return "";
        }
    }

    private final ObjectMapper mapper;
    private final Questionnaires questionnaires;
    private final int symptomRows;

    public ScreeningForm(ObjectMapper mapper, Questionnaires questionnaires, int symptomRows) {
        this.mapper = mapper;
        this.questionnaires = questionnaires;
        this.symptomRows = symptomRows;
    }

    public Questionnaires questionnaires() {
        return questionnaires;
    }

    // ---------------------------------------------------------------- reading a posted form

    public Read read(KnowledgeBase kb, Map<String, String> form) {
        Vocabulary v = kb.reference().vocabulary();
        Map<String, String> pointers = new LinkedHashMap<>();
        ObjectNode req = mapper.createObjectNode();
        text(form, "clientRef").ifPresent(s -> {
            req.put("clientRef", s);
            pointers.put("/clientRef", "clientRef");
        });
        ObjectNode client = req.putObject("client");
        pointers.put("/client", "client.age");
        number(form, "client.age", client, "age", "/client/age", pointers);
        text(form, "client.sex").ifPresent(s -> {
            client.put("sex", s);
            pointers.put("/client/sex", "client.sex");
        });

        ArrayNode redFlags = mapper.createArrayNode();
        for (RedFlagDefinition d : kb.reference().redFlags()) {
            String name = "rf." + d.getCode();
            String answer = form.get(name);
            if ("yes".equals(answer) || "no".equals(answer)) {
                ObjectNode a = redFlags.addObject().put("code", d.getCode()).put("present", "yes".equals(answer));
                pointers.put("/redFlags/" + (redFlags.size() - 1), name);
            }
        }
        putIfAny(req, "redFlags", redFlags);

        ArrayNode symptoms = mapper.createArrayNode();
        for (int i = 0; i < symptomRows; i++) {
            String p = "sy." + i + ".";
            if (text(form, p + "region").isEmpty() && text(form, p + "kind").isEmpty() && text(form, p + "nrs").isEmpty()) {
                continue;
            }
            ObjectNode s = symptoms.addObject();
            String ptr = "/symptoms/" + (symptoms.size() - 1);
            pointers.put(ptr, p + "region");
            for (String f : List.of("region", "kind", "trigger")) {
                String name = p + f;
                text(form, name).ifPresent(t -> {
                    s.put(f, t);
                    pointers.put(ptr + "/" + f, name);
                });
            }
            for (String f : List.of("nrs", "durationWeeks", "settleMinutes")) {
                number(form, p + f, s, f, ptr + "/" + f, pointers);
            }
        }
        putIfAny(req, "symptoms", symptoms);

        ObjectNode lifestyle = mapper.createObjectNode();
        number(form, "ls.sittingHoursPerDay", lifestyle, "sittingHoursPerDay", "/lifestyle/sittingHoursPerDay", pointers);
        text(form, "ls.activityLevel").ifPresent(t -> {
            lifestyle.put("activityLevel", t);
            pointers.put("/lifestyle/activityLevel", "ls.activityLevel");
        });
        putIfAny(req, "lifestyle", lifestyle);

        flagsAndScores(req, "psychosocial", "ps.", PSYCHOSOCIAL_FLAGS.keySet(), form, pointers);

        ArrayNode observations = mapper.createArrayNode();
        for (Vocabulary.PostureCode p : v.posture()) {
            String base = "obs." + p.code();
            String sign = text(form, base + ".sign").orElse(null);
            String value = text(form, base + ".value").orElse(null);
            if (sign == null && value == null) {
                continue;
            }
            ObjectNode o = observations.addObject().put("code", p.code());
            String ptr = "/observations/" + (observations.size() - 1);
            pointers.put(ptr, base + (sign != null ? ".sign" : ".value"));
            if (sign != null) {
                pointers.put(ptr + "/present", base + ".sign");
                pointers.put(ptr + "/side", base + ".sign");
                switch (sign) {
                    case "absent" -> o.put("present", false);
                    case "present" -> o.put("present", true);
                    default -> o.put("present", true).put("side", sign);
                }
            }
            if (value != null && p.measurement() != null) {
                measurement(o, value, p.measurement().unit(), ptr, base + ".value", pointers);
            }
        }
        putIfAny(req, "observations", observations);

        ArrayNode muscleLength = mapper.createArrayNode();
        for (Vocabulary.MuscleCode m : v.muscles()) {
            for (String side : SIDES) {
                String base = "ml." + m.code() + "." + side;
                String result = text(form, base + ".result").orElse(null);
                String value = text(form, base + ".value").orElse(null);
                if (result == null && value == null) {
                    continue;
                }
                ObjectNode o = muscleLength.addObject().put("muscle", m.code()).put("side", side);
                String ptr = "/muscleLength/" + (muscleLength.size() - 1);
                pointers.put(ptr, base + (result != null ? ".result" : ".value"));
                if (result != null) {
                    o.put("result", result);
                    pointers.put(ptr + "/result", base + ".result");
                }
                if (value != null && m.measurement() != null) {
                    measurement(o, value, m.measurement().unit(), ptr, base + ".value", pointers);
                }
            }
        }
        putIfAny(req, "muscleLength", muscleLength);

        ArrayNode movements = mapper.createArrayNode();
        for (Vocabulary.MovementTestCode t : v.movementTests()) {
            for (String side : t.sided() ? SIDES : List.of(BOTH)) {
                String base = "mv." + t.code() + "." + side;
                String result = text(form, base + ".result").orElse(null);
                String value = text(form, base + ".value").orElse(null);
                List<String> subs = t.substitutions().stream().map(Vocabulary.Code::code)
                        .filter(c -> isChecked(form.get(base + ".sub." + c))).toList();
                if (result == null && value == null && subs.isEmpty()) {
                    continue;
                }
                ObjectNode o = movements.addObject().put("test", t.code());
                String ptr = "/movementPatterns/" + (movements.size() - 1);
                pointers.put(ptr, base + ".result");
                if (!BOTH.equals(side)) {
                    o.put("side", side);
                }
                if (result != null) {
                    o.put("result", result);
                    pointers.put(ptr + "/result", base + ".result");
                } else if (!subs.isEmpty()) {
                    // a substitution seen is an abnormal test; the clinician need not tick both
                    o.put("result", "abnormal");
                }
                if (!subs.isEmpty()) {
                    ArrayNode a = o.putArray("substitutions");
                    for (int i = 0; i < subs.size(); i++) {
                        a.add(subs.get(i));
                        pointers.put(ptr + "/substitutions/" + i, base + ".sub." + subs.get(i));
                    }
                }
                if (value != null && t.measurement() != null) {
                    measurement(o, value, t.measurement().unit(), ptr, base + ".value", pointers);
                }
            }
        }
        putIfAny(req, "movementPatterns", movements);

        flagsAndScores(req, "breathing", "br.", BREATHING_FLAGS.keySet(), form, pointers);

        return new Read(req, pointers);
    }

    /** A section of yes/no flags (form fields {@code prefix + flag}) and its questionnaire scores. */
    private void flagsAndScores(ObjectNode req, String section, String prefix, java.util.Collection<String> flags,
                                Map<String, String> form, Map<String, String> pointers) {
        ObjectNode into = mapper.createObjectNode();
        for (String flag : flags) {
            yesNo(form, prefix + flag, into, flag, "/" + section + "/" + flag, pointers);
        }
        scores(section, into, form, pointers);
        putIfAny(req, section, into);
    }

    private void scores(String section, ObjectNode into, Map<String, String> form, Map<String, String> pointers) {
        for (Questionnaires.Questionnaire q : questionnaires.ofSection(section)) {
            for (Questionnaires.Score s : q.scores()) {
                OptionalInt score = q.score(s, form);
                if (score.isPresent()) {
                    String field = s.target().substring(s.target().indexOf('.') + 1);
                    into.put(field, score.getAsInt());
                    pointers.put("/" + s.target().replace('.', '/'), q.field(q.itemsOf(s).get(0)));
                }
            }
        }
    }

    private void measurement(ObjectNode o, String value, String unit, String ptr, String field, Map<String, String> pointers) {
        ObjectNode m = o.putObject("measurement");
        setNumber(m, "value", value);
        m.put("unit", unit);
        pointers.put(ptr + "/measurement", field);
        pointers.put(ptr + "/measurement/value", field);
    }

    private static void putIfAny(ObjectNode req, String name, JsonNode node) {
        if (node.size() > 0) {
            req.set(name, node);
        }
    }

    private static boolean isChecked(String v) {
        return "on".equals(v) || "true".equals(v);
    }

    private static java.util.Optional<String> text(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v.trim());
    }

    private static void number(Map<String, String> form, String name, ObjectNode into, String field, String pointer,
                               Map<String, String> pointers) {
        text(form, name).ifPresent(t -> {
            setNumber(into, field, t);
            pointers.put(pointer, name);
        });
    }

    private static void yesNo(Map<String, String> form, String name, ObjectNode into, String field, String pointer,
                              Map<String, String> pointers) {
        String v = form.get(name);
        if ("yes".equals(v) || "no".equals(v)) {
            into.put(field, "yes".equals(v));
            pointers.put(pointer, name);
        }
    }

    /** A number as typed; text that is not a number is sent as text, so the API's own type check names the field. */
    private static void setNumber(ObjectNode into, String field, String text) {
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

    // ---------------------------------------------------------------- the values of a stored request

    /** The form values that reproduce a stored request (to amend it): the inverse of {@link #read}. */
    public Map<String, String> values(JsonNode request) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "clientRef", request.path("clientRef"));
        put(f, "client.age", request.path("client").path("age"));
        put(f, "client.sex", request.path("client").path("sex"));
        for (JsonNode a : request.path("redFlags")) {
            f.put("rf." + a.path("code").asText(), a.path("present").asBoolean() ? "yes" : "no");
        }
        int i = 0;
        for (JsonNode s : request.path("symptoms")) {
            for (String k : List.of("region", "kind", "trigger", "nrs", "durationWeeks", "settleMinutes")) {
                put(f, "sy." + i + "." + k, s.path(k));
            }
            i++;
        }
        put(f, "ls.sittingHoursPerDay", request.path("lifestyle").path("sittingHoursPerDay"));
        put(f, "ls.activityLevel", request.path("lifestyle").path("activityLevel"));
        for (String flag : PSYCHOSOCIAL_FLAGS.keySet()) {
            yesNo(f, "ps." + flag, request.path("psychosocial").path(flag));
        }
        for (JsonNode o : request.path("observations")) {
            String base = "obs." + o.path("code").asText();
            if (o.has("present")) {
                f.put(base + ".sign", !o.path("present").asBoolean() ? "absent" : o.hasNonNull("side") ? o.path("side").asText() : "present");
            }
            put(f, base + ".value", o.path("measurement").path("value"));
        }
        for (JsonNode m : request.path("muscleLength")) {
            String base = "ml." + m.path("muscle").asText() + "." + (m.hasNonNull("side") ? m.path("side").asText() : "right");
            put(f, base + ".result", m.path("result"));
            put(f, base + ".value", m.path("measurement").path("value"));
        }
        for (JsonNode m : request.path("movementPatterns")) {
            String base = "mv." + m.path("test").asText() + "." + (m.hasNonNull("side") ? m.path("side").asText() : BOTH);
            put(f, base + ".result", m.path("result"));
            put(f, base + ".value", m.path("measurement").path("value"));
            for (JsonNode s : m.path("substitutions")) {
                f.put(base + ".sub." + s.asText(), "on");
            }
        }
        for (String flag : BREATHING_FLAGS.keySet()) {
            yesNo(f, "br." + flag, request.path("breathing").path(flag));
        }
        // Scores stored without their items cannot be split back into items: shown as the stored total.
        put(f, "score.breathing.nijmegenScore", request.path("breathing").path("nijmegenScore"));
        for (String s : List.of("sbstTotal", "sbstPsych", "fabqWork", "fabqPhysicalActivity")) {
            put(f, "score.psychosocial." + s, request.path("psychosocial").path(s));
        }
        return f;
    }

    private static void put(Map<String, String> f, String name, JsonNode n) {
        if (!n.isMissingNode() && !n.isNull()) {
            f.put(name, n.isNumber() && n.asDouble() == Math.rint(n.asDouble()) ? Long.toString(n.asLong()) : n.asText());
        }
    }

    private static void yesNo(Map<String, String> f, String name, JsonNode n) {
        if (n.isBoolean()) {
            f.put(name, n.asBoolean() ? "yes" : "no");
        }
    }

    // ---------------------------------------------------------------- the form's layout

    /** Breathing observations of the request model, with their labels. */
    public static final Map<String, String> BREATHING_FLAGS = orderedMap(
            "upperChestDominant", "Upper-chest dominant breathing (Hi-Lo: chest hand moves first or more)",
            "mouthBreathing", "Mouth breathing at rest",
            "frequentSighing", "Frequent sighing or yawning",
            "rapidRate", "Rapid breathing rate at rest",
            "chestElevationOnNeckFlexion", "Chest elevates during the neck-flexion test");

    /** Yellow flags of the request model, with their labels. */
    public static final Map<String, String> PSYCHOSOCIAL_FLAGS = orderedMap(
            "anxiety", "Anxiety",
            "fearAvoidance", "Fear of movement / avoidance",
            "catastrophising", "Catastrophising",
            "lowMood", "Low mood",
            "painBeliefHarmful", "Believes pain means harm",
            "passiveCoping", "Passive coping (waits for treatment to fix it)",
            "excessiveRest", "Rests a lot because of pain",
            "workCompensationIssues", "Work or compensation issues");

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** A red-flag question and its domain, urgency and whether it refers only with another flag of the domain. */
    public record RedFlagQuestion(FormField field, boolean supportingOnly) {
    }

    public record RedFlagDomainView(String code, String label, String urgency, List<RedFlagQuestion> questions) {
    }

    public record SymptomRow(int index, FormField region, FormField kind, FormField trigger, FormField nrs,
                             FormField durationWeeks, FormField settleMinutes) {
    }

    public record PostureRow(String code, String label, String evidence, FormField sign, FormField value) {
    }

    public record SideFields(String side, FormField result, FormField value) {
    }

    public record MuscleRow(String code, String label, String test, List<SideFields> sides) {
    }

    public record MovementSide(String side, FormField result, List<FormField> substitutions, FormField value) {
    }

    public record MovementRow(String code, String name, String evidence, boolean clinicianRated, List<MovementSide> sides) {
    }

    public record QuestionnaireItem(int number, String text, FormField answer, List<Integer> scores) {
    }

    public record ScoreView(String target, String label, List<Integer> items, String value) {
    }

    public record QuestionnaireView(String code, String name, String source, String prompt, List<QuestionnaireItem> items,
                                    List<ScoreView> scores) {
    }

    /** Everything the form template needs, fields resolved with their values and errors. */
    public record Model(FormField clientRef, FormField age, FormField sex, List<RedFlagDomainView> redFlags,
                        List<SymptomRow> symptoms, FormField sitting, FormField activity, List<FormField> psychosocial,
                        List<FormField> breathing, List<QuestionnaireView> breathingQuestionnaires,
                        List<QuestionnaireView> psychosocialQuestionnaires, List<PostureRow> posture,
                        List<MuscleRow> muscles, List<MovementRow> movements, List<String> generalErrors,
                        String knowledgeBaseVersion) {

        /** The version as shown in the margin: long content hashes cut to their first characters. */
        public String shortVersion() {
            return knowledgeBaseVersion.length() > 19 ? knowledgeBaseVersion.substring(0, 19) + "…" : knowledgeBaseVersion;
        }
    }

    public Model model(KnowledgeBase kb, Map<String, String> values, Map<String, String> errors, Map<String, String> hints) {
        Fields fields = new Fields(values, errors, hints);
        Vocabulary v = kb.reference().vocabulary();
        Map<String, RedFlagDomainView> domains = new LinkedHashMap<>();
        List<Option> yesNo = List.of(new Option("", "not asked", false), new Option("no", "no", false), new Option("yes", "yes", false));
        for (RedFlagDefinition d : kb.reference().redFlags()) {
            RedFlagDomainView domain = domains.computeIfAbsent(d.getDomain(), k -> new RedFlagDomainView(d.getDomain(),
                    d.getDomainLabel(), d.getUrgency().name().toLowerCase(Locale.ROOT), new ArrayList<>()));
            domain.questions().add(new RedFlagQuestion(fields.choice("rf." + d.getCode(), d.getLabel(), yesNo), d.isSupportingOnly()));
        }
        List<Option> regions = options(v.symptoms().regions(), "region");
        List<Option> kinds = options(v.symptoms().kinds(), "kind");
        List<Option> triggers = options(v.symptoms().triggers(), "trigger (optional)");
        List<SymptomRow> symptoms = new ArrayList<>();
        for (int i = 0; i < symptomRows; i++) {
            String p = "sy." + i + ".";
            symptoms.add(new SymptomRow(i, fields.choice(p + "region", "Region", regions), fields.choice(p + "kind", "Kind", kinds),
                    fields.choice(p + "trigger", "Brought on by", triggers),
                    fields.number(p + "nrs", "Pain now (NRS)", "0-10", "0", "10"),
                    fields.number(p + "durationWeeks", "Duration", "weeks", "0", "5200"),
                    fields.number(p + "settleMinutes", "Settles after provocation in", "min", "0", "10080")));
        }
        List<FormField> psychosocial = PSYCHOSOCIAL_FLAGS.entrySet().stream()
                .map(e -> fields.choice("ps." + e.getKey(), e.getValue(), yesNo)).toList();
        List<FormField> breathing = BREATHING_FLAGS.entrySet().stream()
                .map(e -> fields.choice("br." + e.getKey(), e.getValue(), yesNo)).toList();

        List<Option> signs = List.of(new Option("", "not assessed", false), new Option("absent", "absent", false),
                new Option("present", "present", false));
        List<Option> sidedSigns = List.of(new Option("", "not assessed", false), new Option("absent", "absent", false),
                new Option("right", "right", false), new Option("left", "left", false), new Option("bilateral", "both sides", false));
        List<PostureRow> posture = v.posture().stream().map(p -> new PostureRow(p.code(), p.label(), p.evidence(),
                p.sign() ? fields.choice("obs." + p.code() + ".sign", p.label(), p.sided() ? sidedSigns : signs) : null,
                p.measurement() == null ? null : fields.measured("obs." + p.code() + ".value", p.measurement()))).toList();

        List<Option> lengths = List.of(new Option("", "not tested", false), new Option("normal", "normal", false),
                new Option("short", "short", false));
        List<MuscleRow> muscles = v.muscles().stream().map(m -> new MuscleRow(m.code(), m.label(),
                v.muscleLengthTest(m.test()).map(Vocabulary.TestCode::name).orElse(m.test()),
                SIDES.stream().map(side -> new SideFields(side,
                        fields.choice("ml." + m.code() + "." + side + ".result", m.label() + ", " + side, lengths),
                        m.measurement() == null ? null : fields.measured("ml." + m.code() + "." + side + ".value", m.measurement())))
                        .toList())).toList();

        List<Option> results = List.of(new Option("", "not tested", false), new Option("normal", "normal", false),
                new Option("abnormal", "abnormal", false));
        List<MovementRow> movements = v.movementTests().stream().map(t -> new MovementRow(t.code(), t.name(), t.evidence(),
                t.clinicianRated(), (t.sided() ? SIDES : List.of(BOTH)).stream().map(side -> {
                    String base = "mv." + t.code() + "." + side;
                    return new MovementSide(side, fields.choice(base + ".result", t.name() + (BOTH.equals(side) ? "" : ", " + side), results),
                            t.substitutions().stream().map(s -> fields.check(base + ".sub." + s.code(), s.label())).toList(),
                            t.measurement() == null ? null : fields.measured(base + ".value", t.measurement()));
                }).toList())).toList();

        List<String> general = new ArrayList<>();
        if (errors.containsKey("")) {
            general.add(errors.get(""));
        }
        return new Model(fields.text("clientRef", "Client reference (pseudonymous, no names)"),
                fields.number("client.age", "Age", "years", "0", "120"),
                fields.choice("client.sex", "Sex (for sex-specific norms)", options(v.sexes(), "not stated")),
                List.copyOf(domains.values()), symptoms,
                fields.number("ls.sittingHoursPerDay", "Sitting per day", "h", "0", "24"),
                fields.choice("ls.activityLevel", "Activity level", options(v.activityLevels(), "not stated")),
                psychosocial, breathing, questionnaireViews("breathing", fields), questionnaireViews("psychosocial", fields),
                posture, muscles, movements, general, kb.version());
    }

    private List<QuestionnaireView> questionnaireViews(String section, Fields fields) {
        List<QuestionnaireView> out = new ArrayList<>();
        for (Questionnaires.Questionnaire q : questionnaires.ofSection(section)) {
            List<QuestionnaireItem> items = new ArrayList<>();
            for (int n = 1; n <= q.items().size(); n++) {
                List<Option> choices = new ArrayList<>();
                List<Questionnaires.Choice> scale = q.scaleOf(n);
                for (int c = 0; c < scale.size(); c++) {
                    choices.add(new Option(Integer.toString(c), scale.get(c).label(), false));
                }
                items.add(new QuestionnaireItem(n, q.items().get(n - 1).text(), fields.choice(q.field(n), q.items().get(n - 1).text(), choices),
                        scale.stream().map(Questionnaires.Choice::score).toList()));
            }
            List<ScoreView> scores = q.scores().stream().map(s -> new ScoreView(s.target(), s.label(), q.itemsOf(s),
                    fields.values.get("score." + s.target()))).toList();
            out.add(new QuestionnaireView(q.code(), q.name(), q.source(), q.prompt(), items, scores));
        }
        return out;
    }

    private static List<Option> options(List<Vocabulary.Code> codes, String none) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", none, false));
        codes.forEach(c -> out.add(new Option(c.code(), c.label(), false)));
        return out;
    }

    /** Builds fields with the value and error each has now. */
    private static final class Fields {
        final Map<String, String> values;
        final Map<String, String> errors;
        final Map<String, String> hints;

        Fields(Map<String, String> values, Map<String, String> errors, Map<String, String> hints) {
            this.values = values;
            this.errors = errors;
            this.hints = hints;
        }

        FormField text(String name, String label) {
            return new FormField(name, label, values.get(name), errors.get(name), null, null, null, hints.get(name), List.of());
        }

        FormField number(String name, String label, String unit, String min, String max) {
            return new FormField(name, label, values.get(name), errors.get(name), unit, min, max, hints.get(name), List.of());
        }

        FormField measured(String name, Vocabulary.Range range) {
            return new FormField(name, range.label(), values.get(name), errors.get(name), range.unit(), plain(range.min()),
                    plain(range.max()), hints.get(name), List.of());
        }

        FormField check(String name, String label) {
            return new FormField(name, label, values.get(name), errors.get(name), null, null, null, null, List.of());
        }

        FormField choice(String name, String label, List<Option> options) {
            String current = values.getOrDefault(name, "");
            List<Option> marked = options.stream().map(o -> new Option(o.value(), o.label(), o.value().equals(current))).toList();
            return new FormField(name, label, values.get(name), errors.get(name), null, null, null, hints.get(name), marked);
        }

        static String plain(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
