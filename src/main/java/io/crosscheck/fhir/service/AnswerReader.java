package io.crosscheck.fhir.service;

import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputType;
import io.crosscheck.engine.input.Onset;
import io.crosscheck.fhir.service.MappingContext.Meaning;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Type;

/**
 * Answers to questions from a chart: red-flag questions and every input of {@code inputs.yaml}, from an
 * Observation's value and QuestionnaireResponse items (Conditions: {@link ConditionReader}). The input's type decides
 * which FHIR values are an answer; a questionnaire total answers a yes/no input by its cut-off ({@code scoreFrom});
 * anything else is reported (strict) or skipped (lenient), never guessed.
 */
final class AnswerReader {

    /** Client inputs read from the Patient resource, not from observations. */
    private static final Set<String> FROM_PATIENT = Set.of("/client/age", "/client/sex");

    private final MappingContext ctx;

    AnswerReader(MappingContext ctx) {
        this.ctx = ctx;
    }

    /** The input a Crosscheck code ({@code <section>.<code>}) stands for, unless it is read from the Patient. */
    Optional<InputDefinition> input(String crosscheckCode) {
        int dot = crosscheckCode == null ? -1 : crosscheckCode.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return ctx.reference
                .inputs()
                .input(crosscheckCode.substring(dot + 1))
                .filter(i ->
                        i.section().equals(crosscheckCode.substring(0, dot)) && !FROM_PATIENT.contains(i.pointer()));
    }

    /** Whether a Crosscheck code is a yes/no question: a red flag or a yes/no input. */
    boolean yesNoQuestion(String code) {
        return code != null
                && (code.startsWith("red-flag.")
                        || input(code).filter(i -> i.type() == InputType.YES_NO).isPresent());
    }

    /**
     * Reads the answer to the question {@code m} from {@code value}; {@code base} is where the value's holder is
     * (the Observation, or the QuestionnaireResponse answer). False when the code is no question.
     */
    boolean read(Meaning m, Type value, String base, Instant at) {
        String code = m.code();
        if (code == null) {
            return false;
        }
        if (code.startsWith("red-flag.")) {
            if (value != null) {
                answer(m, value, base, at)
                        .ifPresent(v -> ctx.redFlags.put(code.substring("red-flag.".length()), v, at, ctx.order));
            }
            return true;
        }
        Optional<InputDefinition> input = input(code);
        if (input.isEmpty()) {
            return false;
        }
        if (value != null) {
            Optional<Object> v = input.get().type() == InputType.YES_NO
                    ? answer(m, value, base, at).map(b -> b)
                    : convert(input.get(), value, base);
            v.ifPresent(x -> ctx.answer(input.get(), x, at));
        }
        return true;
    }

    /**
     * A yes/no answer: a questionnaire total by its cut-off, a coded finding, or a yes/no value. A yes to a question
     * that asks for something new, read from a standard coding (a finding, not Crosscheck's question), counts only
     * when it was observed within the question's window: a dizziness finding from last year is no new dizziness.
     */
    private Optional<Boolean> answer(Meaning m, Type value, String base, Instant at) {
        Optional<Boolean> answer;
        if (m.coding() != null && m.coding().scoreFrom() != null) {
            Integer score = FhirValues.integer(value);
            if (score == null) {
                ctx.invalid(base + "/value", "a whole-number score is expected");
            }
            answer = Optional.ofNullable(score).map(s -> s >= m.coding().scoreFrom());
        } else {
            Optional<Boolean> finding = input(m.code()).flatMap(i -> FhirValues.finding(i, value));
            if (finding.isPresent() || FhirValues.unknown(value)) {
                answer = finding; // a coded finding (pregnant / not pregnant), or unknown: unanswered
            } else {
                answer = yesNo(value, base + "/value");
            }
        }
        if (answer.orElse(false)
                && m.standard()
                && (m.onset() == Onset.NEW || m.onset() == Onset.RECENT)
                && !ctx.within(at, m.onset())) { // undated: the cautious reading, as for a Condition
            ctx.notRead(
                    new CodeableConcept(
                            new Coding(m.coding().system(), m.coding().code(), null)),
                    "Observation",
                    "a finding "
                            + (at == null
                                    ? "without a date"
                                    : "from " + at.toString().substring(0, 10)) + " does not say the " + m.code()
                            + " question's symptom is " + m.onset().name().toLowerCase());
            return Optional.empty();
        }
        return answer;
    }

    private Optional<Object> convert(InputDefinition input, Type value, String base) {
        switch (input.type()) {
            case INTEGER -> {
                Integer n = FhirValues.integer(value);
                if (n == null) {
                    ctx.invalid(base + "/value", "an integer is expected");
                }
                return Optional.ofNullable(n);
            }
            case NUMBER -> {
                Double n = FhirValues.number(value, input.unit());
                if (n == null) {
                    ctx.invalid(base + "/value", "a Quantity in " + input.unit() + " (or a decimal) is expected");
                }
                return Optional.ofNullable(n);
            }
            case CHOICE -> {
                CodeableConcept cc = value instanceof CodeableConcept c
                        ? c
                        : value instanceof Coding c ? new CodeableConcept(c) : null;
                if (cc == null) {
                    ctx.invalid(
                            base + "/value",
                            "a coded value (" + CrosscheckCodes.optionPrefix(input) + ".*) is expected for "
                                    + input.code());
                    return Optional.empty();
                }
                Optional<String> option = ctx.codeIn(cc, CrosscheckCodes.optionPrefix(input))
                        .filter(o -> input.option(o).isPresent());
                if (option.isEmpty()) {
                    ctx.unknown(cc, "Observation", base + "/valueCodeableConcept");
                }
                return option.map(o -> o);
            }
            default -> throw new IllegalStateException(input.type().toString());
        }
    }

    private Optional<Boolean> yesNo(Type value, String path) {
        Optional<Boolean> answer = FhirValues.yesNo(value);
        if (answer.isEmpty()) {
            ctx.invalid(path, "a yes/no answer is expected (valueBoolean, or SNOMED CT 373066001/373067005)");
        }
        return answer;
    }

    /**
     * A QuestionnaireResponse: one of Crosscheck's questionnaires (or one naming none) is read by linkId = Crosscheck
     * code; a questionnaire of others known to the knowledge base ({@code terminology.yaml}) or to a site ConceptMap
     * (its canonical as the group's source) by linkId as the coding given; any other questionnaire is not read, even
     * where its linkIds look like Crosscheck codes. Nested items are read too; an item without an answer is unanswered.
     */
    void questionnaireResponse(QuestionnaireResponse q, String path) {
        if (q.hasStatus()
                && Set.of("entered-in-error", "stopped").contains(q.getStatus().toCode())) {
            return;
        }
        Instant at = q.hasAuthored() ? q.getAuthored().toInstant() : null;
        String canonical = q.hasQuestionnaire() ? q.getQuestionnaire() : null;
        boolean ours = canonical == null || CrosscheckQuestionnaires.isCrosschecks(canonical);
        if (!ours && ctx.terminology.questionnaire(canonical).isEmpty() && !ctx.siteMaps.hasSource(canonical)) {
            ctx.skippedOrError(
                    new FhirScreeningMapper.Skipped(
                            "questionnaire:" + canonical, "QuestionnaireResponse", "questionnaire not read"),
                    path + "/questionnaire",
                    canonical);
            return;
        }
        if (ctx.stale(at)) {
            ctx.skipped.add(new FhirScreeningMapper.Skipped(
                    "questionnaire:" + (canonical == null ? "(none)" : canonical),
                    "QuestionnaireResponse",
                    "authored " + at.toString().substring(0, 10) + ": older than "
                            + ctx.terminology.windows().answerMaxAgeDays() + " days, does not describe now"));
            return;
        }
        items(q.getItem(), path + "/item", at, ours ? null : canonical.replaceFirst("\\|.*$", ""));
    }

    private void items(
            List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items,
            String path,
            Instant at,
            String foreign) {
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponse.QuestionnaireResponseItemComponent item = items.get(i);
            String ipath = path + "/" + i;
            if (item.hasItem()) {
                items(item.getItem(), ipath + "/item", at, foreign);
            }
            if (!item.hasAnswer()) {
                continue; // a question without an answer is unanswered
            }
            String link = item.getLinkId();
            Optional<Meaning> m = link == null ? Optional.empty() : linkMeaning(link, foreign);
            if (m.isEmpty() || m.get().code() == null) {
                if (foreign == null) { // the other items of a known questionnaire are not Crosscheck's to read
                    ctx.skippedOrError(
                            new FhirScreeningMapper.Skipped("linkId:" + link, "QuestionnaireResponse", "unknown item"),
                            ipath + "/linkId",
                            link);
                }
                continue;
            }
            if (!read(m.get(), item.getAnswerFirstRep().getValue(), ipath + "/answer/0", at)) {
                ctx.invalid(
                        ipath + "/linkId",
                        "only red-flag questions and the inputs of inputs.yaml are read from a QuestionnaireResponse");
            }
        }
    }

    /** What an item means: its linkId as a Crosscheck code (ours), or as the coding the questionnaire's item is. */
    private Optional<Meaning> linkMeaning(String link, String foreign) {
        if (foreign == null) {
            return ctx.direct(CrosscheckCodes.SYSTEM, link);
        }
        Optional<io.crosscheck.engine.input.Coding> standard =
                ctx.terminology.questionnaire(foreign).flatMap(q -> q.item(link));
        if (standard.isPresent()) {
            return ctx.direct(standard.get().system(), standard.get().code());
        }
        return ctx.meaning(new CodeableConcept(new Coding(foreign, link, null)));
    }
}
