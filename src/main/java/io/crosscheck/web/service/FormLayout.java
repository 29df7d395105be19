package io.crosscheck.web.service;

import static io.crosscheck.web.service.ScreeningForm.BOTH;
import static io.crosscheck.web.service.ScreeningForm.SIDES;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.web.service.FormField.Option;
import io.crosscheck.web.service.FormModel.InputField;
import io.crosscheck.web.service.FormModel.MovementRow;
import io.crosscheck.web.service.FormModel.MovementSide;
import io.crosscheck.web.service.FormModel.MuscleRow;
import io.crosscheck.web.service.FormModel.PostureRow;
import io.crosscheck.web.service.FormModel.QuestionnaireItem;
import io.crosscheck.web.service.FormModel.QuestionnaireView;
import io.crosscheck.web.service.FormModel.RedFlagDomainView;
import io.crosscheck.web.service.FormModel.RedFlagQuestion;
import io.crosscheck.web.service.FormModel.ScoreView;
import io.crosscheck.web.service.FormModel.SectionView;
import io.crosscheck.web.service.FormModel.SideFields;
import io.crosscheck.web.service.FormModel.SymptomRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The screening form's layout, from the knowledge base's own vocabulary and inputs: every posture sign,
 * muscle, movement test, red-flag question, symptom code and answer section it accepts, with units and
 * ranges, in examination order, each field with its current value, error and threshold hint.
 */
public final class FormLayout {

    private final Questionnaires questionnaires;
    private final int symptomRows;

    FormLayout(Questionnaires questionnaires, int symptomRows) {
        this.questionnaires = questionnaires;
        this.symptomRows = symptomRows;
    }

    FormModel model(
            KnowledgeBase kb, Map<String, String> values, Map<String, String> errors, Map<String, String> hints) {
        FormFields fields = new FormFields(values, errors, hints);
        Vocabulary v = kb.reference().vocabulary();
        Map<String, RedFlagDomainView> domains = new LinkedHashMap<>();
        List<Option> yesNo = List.of(
                new Option("", "not asked", false), new Option("no", "no", false), new Option("yes", "yes", false));
        for (RedFlagDefinition d : kb.reference().redFlags()) {
            RedFlagDomainView domain = domains.computeIfAbsent(
                    d.getDomain(),
                    k -> new RedFlagDomainView(
                            d.getDomain(),
                            d.getDomainLabel(),
                            d.getUrgency().name().toLowerCase(Locale.ROOT),
                            new ArrayList<>()));
            domain.questions()
                    .add(new RedFlagQuestion(
                            fields.choice("rf." + d.getCode(), d.getLabel(), yesNo), d.isSupportingOnly()));
        }
        List<Option> regions = options(v.symptoms().regions(), "region");
        List<Option> kinds = options(v.symptoms().kinds(), "kind");
        List<Option> triggers = options(v.symptoms().triggers(), "trigger (optional)");
        List<SymptomRow> symptoms = new ArrayList<>();
        for (int i = 0; i < symptomRows; i++) {
            String p = "sy." + i + ".";
            symptoms.add(new SymptomRow(
                    i,
                    fields.choice(p + "region", "Region", regions),
                    fields.choice(p + "kind", "Kind", kinds),
                    fields.choice(p + "trigger", "Brought on by", triggers),
                    symptomNumber(fields, p, v.symptoms(), "nrs"),
                    symptomNumber(fields, p, v.symptoms(), "durationWeeks"),
                    symptomNumber(fields, p, v.symptoms(), "settleMinutes")));
        }
        InputCatalog inputs = kb.reference().inputs();
        List<SectionView> history = new ArrayList<>();
        List<SectionView> examination = new ArrayList<>();
        List<FormModel.HealthDomainView> health = new ArrayList<>();
        for (InputSection s : inputs.sections()) {
            if (s.code().equals("client")) {
                continue;
            }
            if (s.isHealthScreen()) {
                health.add(HealthScreenForm.domain(inputs, s, inputFields(inputs.inputsOf(s.code()), fields, yesNo)));
                continue;
            }
            SectionView view = new SectionView(
                    s.code(),
                    s.label(),
                    s.help(),
                    inputFields(inputs.inputsOf(s.code()), fields, yesNo),
                    questionnaireViews(s.code(), fields));
            (s.test() != null ? examination : history).add(view);
        }

        List<Option> signs = List.of(
                new Option("", "not assessed", false),
                new Option("absent", "absent", false),
                new Option("present", "present", false));
        List<Option> sidedSigns = List.of(
                new Option("", "not assessed", false),
                new Option("absent", "absent", false),
                new Option("right", "right", false),
                new Option("left", "left", false),
                new Option("bilateral", "both sides", false));
        List<PostureRow> posture = v.posture().stream()
                .map(p -> new PostureRow(
                        p.code(),
                        p.label(),
                        p.evidence(),
                        p.sign()
                                ? fields.choice("obs." + p.code() + ".sign", p.label(), p.sided() ? sidedSigns : signs)
                                : null,
                        p.measurement() == null
                                ? null
                                : fields.measured("obs." + p.code() + ".value", p.measurement())))
                .toList();

        List<Option> lengths = List.of(
                new Option("", "not tested", false),
                new Option("normal", "normal", false),
                new Option("short", "short", false));
        List<MuscleRow> muscles = v.muscles().stream()
                .map(m -> new MuscleRow(
                        m.code(),
                        m.label(),
                        v.muscleLengthTest(m.test())
                                .map(Vocabulary.TestCode::name)
                                .orElse(m.test()),
                        SIDES.stream()
                                .map(side -> new SideFields(
                                        side,
                                        fields.choice(
                                                "ml." + m.code() + "." + side + ".result",
                                                m.label() + ", " + side,
                                                lengths),
                                        m.measurement() == null
                                                ? null
                                                : fields.measured(
                                                        "ml." + m.code() + "." + side + ".value", m.measurement())))
                                .toList()))
                .toList();

        List<Option> results = List.of(
                new Option("", "not tested", false),
                new Option("normal", "normal", false),
                new Option("abnormal", "abnormal", false));
        List<MovementRow> movements = v.movementTests().stream()
                .map(t -> new MovementRow(
                        t.code(),
                        t.name(),
                        t.evidence(),
                        t.clinicianRated(),
                        (t.sided() ? SIDES : List.of(BOTH))
                                .stream()
                                        .map(side -> {
                                            String base = "mv." + t.code() + "." + side;
                                            return new MovementSide(
                                                    side,
                                                    fields.choice(
                                                            base + ".result",
                                                            t.name() + (BOTH.equals(side) ? "" : ", " + side),
                                                            results),
                                                    t.substitutions().stream()
                                                            .map(s ->
                                                                    fields.check(base + ".sub." + s.code(), s.label()))
                                                            .toList(),
                                                    t.measurement() == null
                                                            ? null
                                                            : fields.measured(base + ".value", t.measurement()));
                                        })
                                        .toList()))
                .toList();

        List<String> general = new ArrayList<>();
        if (errors.containsKey("")) {
            general.add(errors.get(""));
        }
        return new FormModel(
                fields.text("clientRef", "Client reference (pseudonymous, no names)"),
                inputFields(inputs.inputsOf("client"), fields, yesNo),
                List.copyOf(domains.values()),
                health,
                symptoms,
                history,
                examination,
                posture,
                muscles,
                movements,
                general,
                kb.version(),
                OutcomeForm.model(kb, fields, symptomRegions(values)));
    }

    /** The regions of the symptoms entered, which decide the outcome measures offered. */
    private static java.util.Set<String> symptomRegions(Map<String, String> values) {
        java.util.Set<String> regions = new java.util.HashSet<>();
        values.forEach((k, v) -> {
            if (k.matches("sy\\.\\d+\\.region") && v != null && !v.isBlank()) {
                regions.add(v);
            }
        });
        return regions;
    }

    /** A symptom's number as the vocabulary defines it (label, unit, range). */
    private static FormField symptomNumber(
            FormFields fields, String prefix, Vocabulary.SymptomCodes codes, String field) {
        Vocabulary.SymptomNumber n = codes.number(field).orElseThrow();
        return fields.number(prefix + field, n.label(), n.unit(), Integer.toString(n.min()), Integer.toString(n.max()));
    }

    /** The form field of an input: {@code <section>.<field>} (e.g. {@code lifestyle.sittingHoursPerDay}). */
    public static String fieldName(InputDefinition i) {
        return i.section() + "." + i.field();
    }

    /** The inputs a person answers directly (questionnaire totals are scored from their items instead). */
    private List<InputField> inputFields(List<InputDefinition> inputs, FormFields fields, List<Option> yesNo) {
        List<InputField> out = new ArrayList<>();
        for (InputDefinition i : inputs) {
            if (questionnaires.scores(i)) {
                continue;
            }
            String name = fieldName(i);
            FormField f = switch (i.type()) {
                case YES_NO -> fields.choice(name, i.label(), yesNo);
                case CHOICE -> fields.choice(name, i.label(), inputOptions(i));
                case INTEGER, NUMBER ->
                    fields.number(name, i.label(), i.unit(), FormFields.plain(i.min()), FormFields.plain(i.max()));
            };
            out.add(new InputField(i.type().code(), f, i.appliesTo().describe()));
        }
        return out;
    }

    private static List<Option> inputOptions(InputDefinition i) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "not stated", false));
        i.options().forEach(o -> out.add(new Option(o.code(), o.label(), false)));
        return out;
    }

    private List<QuestionnaireView> questionnaireViews(String section, FormFields fields) {
        List<QuestionnaireView> out = new ArrayList<>();
        for (Questionnaires.Questionnaire q : questionnaires.ofSection(section)) {
            List<QuestionnaireItem> items = new ArrayList<>();
            for (int n = 1; n <= q.items().size(); n++) {
                List<Option> choices = new ArrayList<>();
                List<Questionnaires.Choice> scale = q.scaleOf(n);
                for (int c = 0; c < scale.size(); c++) {
                    choices.add(new Option(Integer.toString(c), scale.get(c).label(), false));
                }
                items.add(new QuestionnaireItem(
                        n,
                        q.items().get(n - 1).text(),
                        fields.choice(q.field(n), q.items().get(n - 1).text(), choices),
                        scale.stream().map(Questionnaires.Choice::score).toList()));
            }
            List<ScoreView> scores = q.scores().stream()
                    .map(s -> new ScoreView(
                            s.target(), s.label(), q.itemsOf(s), fields.values.get("score." + s.target())))
                    .toList();
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
}
