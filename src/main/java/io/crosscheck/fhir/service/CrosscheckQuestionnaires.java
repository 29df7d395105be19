package io.crosscheck.fhir.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.engine.input.Option;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

/**
 * Crosscheck's questions as FHIR Questionnaires (SDC), generated from the knowledge base so they follow it: the
 * red-flag questions by domain ({@code red-flags}) and every question of {@code inputs.yaml} by section
 * ({@code screening-questions}), each item's linkId its Crosscheck code and its {@code code} the Crosscheck coding
 * with the standard codings of the reference data; follow-up questions have SDC {@code enableWhen}. Canonical URLs
 * {@value #BASE}{id}, versioned with the knowledge base; a QuestionnaireResponse naming one is read by linkId
 * ({@link AnswerReader#questionnaireResponse}). Pure.
 */
public final class CrosscheckQuestionnaires {

    public static final String BASE = "https://crosscheck.io/fhir/Questionnaire/";
    static final String SDC_PROFILE = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire";
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    public static final List<String> IDS = List.of("red-flags", "screening-questions");

    private CrosscheckQuestionnaires() {}

    /** Whether a canonical URL (a {@code |version} is ignored) names one of Crosscheck's questionnaires. */
    public static boolean isCrosschecks(String canonical) {
        String url = canonical.replaceFirst("\\|.*$", "");
        return url.startsWith(BASE) && IDS.contains(url.substring(BASE.length()));
    }

    public static List<Questionnaire> all(KnowledgeBase kb) {
        return IDS.stream().map(id -> byId(kb, id).orElseThrow()).toList();
    }

    public static Optional<Questionnaire> byId(KnowledgeBase kb, String id) {
        return switch (id) {
            case "red-flags" -> Optional.of(redFlags(kb));
            case "screening-questions" -> Optional.of(screeningQuestions(kb));
            default -> Optional.empty();
        };
    }

    private static Questionnaire base(KnowledgeBase kb, String id, String title, String description) {
        Questionnaire q = new Questionnaire();
        q.setId(id);
        q.getMeta().addProfile(SDC_PROFILE);
        q.setUrl(BASE + id);
        q.setVersion(kb.version());
        q.setName(id.replace("-", "_"));
        q.setTitle(title);
        q.setStatus(Enumerations.PublicationStatus.ACTIVE);
        q.setExperimental(false);
        q.setPublisher("Crosscheck");
        q.setDescription(description);
        q.addSubjectType("Patient");
        return q;
    }

    private static Questionnaire redFlags(KnowledgeBase kb) {
        Questionnaire q = base(
                kb,
                "red-flags",
                "Crosscheck red-flag questions",
                "Red flags for serious spinal pathology, by domain. A question left unanswered is never read as no; a yes "
                        + "refers for medical assessment and withholds exercise advice. Prompts, not diagnoses.");
        Map<String, QuestionnaireItemComponent> domains = new LinkedHashMap<>();
        for (RedFlagDefinition f : kb.reference().redFlags()) {
            QuestionnaireItemComponent group = domains.computeIfAbsent(
                    f.getDomain(),
                    d -> q.addItem()
                            .setLinkId("red-flag-domain." + d)
                            .setText(f.getDomainLabel())
                            .setType(QuestionnaireItemType.GROUP));
            QuestionnaireItemComponent item = group.addItem()
                    .setLinkId("red-flag." + f.getCode())
                    .setText(f.getLabel())
                    .setType(QuestionnaireItemType.BOOLEAN);
            item.addCode(new Coding(CrosscheckCodes.SYSTEM, "red-flag." + f.getCode(), f.getLabel()));
            f.getCodings().forEach(c -> item.addCode(new Coding(c.system(), c.code(), c.display())));
        }
        return q;
    }

    private static Questionnaire screeningQuestions(KnowledgeBase kb) {
        Questionnaire q = base(
                kb,
                "screening-questions",
                "Crosscheck screening questions",
                "The pre-exercise health screen, yellow flags, lifestyle and breathing questions, by section, as defined "
                        + "in the knowledge base (age and sex are read from the Patient).");
        for (InputSection s : kb.reference().inputs().sections()) {
            List<InputDefinition> inputs = kb.reference().inputs().inputs().stream()
                    .filter(i -> i.section().equals(s.code()))
                    .filter(i ->
                            !i.pointer().equals("/client/age") && !i.pointer().equals("/client/sex"))
                    .toList();
            if (inputs.isEmpty()) {
                continue;
            }
            QuestionnaireItemComponent group =
                    q.addItem().setLinkId(s.code()).setText(s.label()).setType(QuestionnaireItemType.GROUP);
            inputs.forEach(i -> item(kb, group.addItem(), i));
        }
        return q;
    }

    private static void item(KnowledgeBase kb, QuestionnaireItemComponent item, InputDefinition i) {
        item.setLinkId(i.crosscheckCode()).setText(i.label());
        item.addCode(new Coding(CrosscheckCodes.SYSTEM, i.crosscheckCode(), i.label()));
        i.codings().stream()
                .filter(c -> c.scoreFrom() == null) // a questionnaire total answers the item, it is not its meaning
                .forEach(c -> item.addCode(new Coding(c.system(), c.code(), c.display())));
        switch (i.type()) {
            case YES_NO -> item.setType(QuestionnaireItemType.BOOLEAN);
            case INTEGER -> {
                item.setType(QuestionnaireItemType.INTEGER);
                item.addExtension(MIN_VALUE, new IntegerType(i.min().intValue()));
                item.addExtension(MAX_VALUE, new IntegerType(i.max().intValue()));
            }
            case NUMBER -> {
                item.setType(QuestionnaireItemType.DECIMAL);
                item.addExtension(MIN_VALUE, new DecimalType(i.min()));
                item.addExtension(MAX_VALUE, new DecimalType(i.max()));
            }
            case CHOICE -> {
                item.setType(QuestionnaireItemType.CHOICE);
                for (Option o : i.options()) {
                    item.addAnswerOption()
                            .setValue(new Coding(
                                    CrosscheckCodes.SYSTEM,
                                    CrosscheckCodes.optionPrefix(i) + "." + o.code(),
                                    o.label()));
                }
            }
        }
        List<String> all =
                i.appliesTo().whenYes() == null ? List.of() : i.appliesTo().whenYes();
        List<String> any =
                i.appliesTo().whenAnyYes() == null ? List.of() : i.appliesTo().whenAnyYes();
        for (String on : all.isEmpty() ? any : all) {
            kb.reference()
                    .inputs()
                    .input(on)
                    .ifPresent(d -> item.addEnableWhen()
                            .setQuestion(d.crosscheckCode())
                            .setOperator(Questionnaire.QuestionnaireItemOperator.EQUAL)
                            .setAnswer(new BooleanType(true)));
        }
        if (item.getEnableWhen().size() > 1) {
            item.setEnableBehavior(
                    all.isEmpty() ? Questionnaire.EnableWhenBehavior.ANY : Questionnaire.EnableWhenBehavior.ALL);
        }
    }

    /** A canonical reference to a questionnaire, for QuestionnaireResponse.questionnaire. */
    public static CanonicalType canonical(String id, String version) {
        return new CanonicalType(BASE + id + (version == null ? "" : "|" + version));
    }
}
