package io.crosscheck.web.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.web.service.FormField.Option;
import io.crosscheck.web.service.FormModel.InputField;
import io.crosscheck.web.service.FormModel.QuestionnaireItem;
import io.crosscheck.web.service.FormModel.QuestionnaireView;
import io.crosscheck.web.service.FormModel.RedFlagDomainView;
import io.crosscheck.web.service.FormModel.RedFlagQuestion;
import io.crosscheck.web.service.FormModel.ScoreView;
import io.crosscheck.web.service.FormModel.SectionView;
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
        FormScope scope = new FormScope(kb.reference(), values, errors);
        Vocabulary v = kb.reference().vocabulary();
        InputCatalog inputs = kb.reference().inputs();
        List<Option> yesNo = List.of(
                new Option("", "not asked", false), new Option("no", "no", false), new Option("yes", "yes", false));
        // in the page's order, so that the error summary lists the fields as the clinician meets them
        FormField clientRef = fields.text("clientRef", "Client reference (pseudonymous, no names)");
        List<InputField> client = inputFields(inputs.inputsOf("client"), fields, yesNo, scope);
        List<SymptomRow> symptoms = symptoms(fields, v);
        List<RedFlagDomainView> redFlags = redFlags(kb, fields, yesNo, scope);
        List<SectionView> history = new ArrayList<>();
        List<SectionView> examination = new ArrayList<>();
        List<FormModel.HealthDomainView> health = new ArrayList<>();
        for (InputSection s : inputs.sections()) {
            if (s.isHealthScreen()) {
                health.add(HealthScreenForm.domain(
                        inputs, s, inputFields(inputs.inputsOf(s.code()), fields, yesNo, scope)));
            }
        }
        OutcomeForm.View outcomes = OutcomeForm.model(kb, fields, scope);
        for (InputSection s : inputs.sections()) {
            if (!s.code().equals("client") && !s.isHealthScreen()) {
                SectionView view = new SectionView(
                        s.code(),
                        s.label(),
                        s.help(),
                        inputFields(inputs.inputsOf(s.code()), fields, yesNo, scope),
                        questionnaireViews(inputs, s.code(), fields, scope));
                (s.test() != null ? examination : history).add(view);
            }
        }
        FormTests tests = new FormTests(v, fields, scope);
        List<String> general = new ArrayList<>();
        if (errors.containsKey("")) {
            general.add(errors.get(""));
        }
        return new FormModel(
                clientRef,
                client,
                redFlags,
                health,
                symptoms,
                history,
                examination,
                tests.posture(),
                tests.muscles(),
                tests.movements(),
                general,
                fields.problems(),
                scope.summary(v.symptoms()),
                kb.version(),
                outcomes);
    }

    private List<SymptomRow> symptoms(FormFields fields, Vocabulary v) {
        List<Option> regions = options(v.symptoms().regions(), "region");
        List<Option> kinds = options(v.symptoms().kinds(), "kind");
        List<Option> triggers = options(v.symptoms().triggers(), "trigger (optional)");
        List<SymptomRow> symptoms = new ArrayList<>();
        for (int i = 0; i < symptomRows; i++) {
            String p = "sy." + i + ".";
            // each field names its row: read out alone, or in the error summary, it is still clear which symptom
            String row = "Symptom " + (i + 1) + ": ";
            symptoms.add(new SymptomRow(
                    i,
                    fields.choice(p + "region", row + "region", regions),
                    fields.choice(p + "kind", row + "kind", kinds),
                    fields.choice(p + "trigger", row + "brought on by", triggers),
                    symptomNumber(fields, p, row, v.symptoms(), "nrs"),
                    symptomNumber(fields, p, row, v.symptoms(), "durationWeeks"),
                    symptomNumber(fields, p, row, v.symptoms(), "settleMinutes")));
        }
        return symptoms;
    }

    /** The red-flag domains in the order of red-flags.yaml, each scoped by its regions. */
    private static List<RedFlagDomainView> redFlags(
            KnowledgeBase kb, FormFields fields, List<Option> yesNo, FormScope scope) {
        Map<String, List<RedFlagDefinition>> byDomain = new LinkedHashMap<>();
        for (RedFlagDefinition d : kb.reference().redFlags()) {
            byDomain.computeIfAbsent(d.getDomain(), k -> new ArrayList<>()).add(d);
        }
        List<RedFlagDomainView> out = new ArrayList<>();
        for (List<RedFlagDefinition> flags : byDomain.values()) {
            RedFlagDefinition first = flags.get(0);
            List<RedFlagQuestion> questions = flags.stream()
                    .map(d -> new RedFlagQuestion(
                            fields.choice("rf." + d.getCode(), d.getLabel(), yesNo), d.isSupportingOnly()))
                    .toList();
            out.add(new RedFlagDomainView(
                    first.getDomain(),
                    first.getDomainLabel(),
                    first.getUrgency().name().toLowerCase(Locale.ROOT),
                    questions,
                    scope.domain(
                            first.getRegions(),
                            questions.stream().map(q -> q.field().name()).toList())));
        }
        return List.copyOf(out);
    }

    /** A symptom's number as the vocabulary defines it (label, unit, range). */
    private static FormField symptomNumber(
            FormFields fields, String prefix, String row, Vocabulary.SymptomCodes codes, String field) {
        Vocabulary.SymptomNumber n = codes.number(field).orElseThrow();
        return fields.number(
                prefix + field, row + n.label(), n.unit(), Integer.toString(n.min()), Integer.toString(n.max()));
    }

    /** The form field of an input: {@code <section>.<field>} (e.g. {@code lifestyle.sittingHoursPerDay}). */
    public static String fieldName(InputDefinition i) {
        return i.section() + "." + i.field();
    }

    /** The inputs a person answers directly (questionnaire totals are scored from their items instead). */
    private List<InputField> inputFields(
            List<InputDefinition> inputs, FormFields fields, List<Option> yesNo, FormScope scope) {
        List<InputField> out = new ArrayList<>();
        for (InputDefinition i : inputs) {
            if (questionnaires.scores(i)) {
                continue;
            }
            String name = fieldName(i);
            FormField f = switch (i.type()) {
                case YES_NO -> fields.choice(name, i.label(), yesNo);
                case CHOICE -> fields.choice(name, i.label(), inputOptions(i));
                case INTEGER ->
                    fields.number(name, i.label(), i.unit(), FormFields.plain(i.min()), FormFields.plain(i.max()));
                case NUMBER ->
                    fields.decimal(name, i.label(), i.unit(), FormFields.plain(i.min()), FormFields.plain(i.max()));
            };
            out.add(new InputField(i.type().code(), f, i.appliesTo().describe(), scope.input(i)));
        }
        return out;
    }

    private static List<Option> inputOptions(InputDefinition i) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "not stated", false));
        i.options().forEach(o -> out.add(new Option(o.code(), o.label(), false)));
        return out;
    }

    private List<QuestionnaireView> questionnaireViews(
            InputCatalog inputs, String section, FormFields fields, FormScope scope) {
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
            List<InputDefinition> scored = q.scores().stream()
                    .map(sc -> sc.target().split("\\.", 2))
                    .map(t -> inputs.input(t[0], t[1]))
                    .flatMap(java.util.Optional::stream)
                    .toList();
            String prefix = "q." + q.code() + ".";
            out.add(new QuestionnaireView(
                    q.code(),
                    q.name(),
                    q.source(),
                    q.prompt(),
                    items,
                    scores,
                    scope.input(scored, f -> f.startsWith(prefix) || f.startsWith("score." + q.section() + "."))));
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
