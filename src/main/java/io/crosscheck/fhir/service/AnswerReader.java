package io.crosscheck.fhir.service;

import io.crosscheck.engine.input.InputDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Type;

/**
 * Answers to questions from a chart: red-flag questions and every input of {@code inputs.yaml}, from an
 * Observation's value, a Condition (present, or refuted = no) and QuestionnaireResponse items (linkId =
 * Crosscheck code). The input's type decides which FHIR values are an answer; anything else is reported
 * (strict) or skipped (lenient), never guessed.
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
        int dot = crosscheckCode.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return ctx.reference
                .inputs()
                .input(crosscheckCode.substring(dot + 1))
                .filter(i ->
                        i.section().equals(crosscheckCode.substring(0, dot)) && !FROM_PATIENT.contains(i.pointer()));
    }

    /**
     * Reads the answer to the question {@code code} from {@code value}; {@code base} is where the value's
     * holder is (the Observation, or the QuestionnaireResponse answer). False when the code is no question.
     */
    boolean read(String code, Type value, String base, Instant at) {
        if (code.startsWith("red-flag.")) {
            if (value != null) {
                yesNo(value, base + "/value")
                        .ifPresent(v -> ctx.redFlags.put(code.substring("red-flag.".length()), v, at, ctx.order));
            }
            return true;
        }
        Optional<InputDefinition> input = input(code);
        if (input.isEmpty()) {
            return false;
        }
        if (value != null) {
            convert(input.get(), value, base).ifPresent(v -> ctx.answer(input.get(), v, at));
        }
        return true;
    }

    private Optional<Object> convert(InputDefinition input, Type value, String base) {
        switch (input.type()) {
            case YES_NO -> {
                Optional<Boolean> finding = FhirValues.finding(input, value);
                if (finding.isPresent() || FhirValues.unknown(value)) {
                    return finding.map(v -> v); // a coded finding (pregnant / not pregnant), or unknown: unanswered
                }
                return yesNo(value, base + "/value").map(v -> v);
            }
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
     * A Condition answers a yes/no question: active (or recurrence, relapse) is yes, refuted is no; resolved
     * or inactive says nothing about now and leaves the question unanswered.
     */
    void condition(Condition c, String path) {
        Optional<String> code = ctx.code(c.getCode());
        boolean yesNoQuestion = code.isPresent()
                && (code.get().startsWith("red-flag.")
                        || input(code.get())
                                .filter(i -> i.type() == io.crosscheck.engine.input.InputType.YES_NO)
                                .isPresent());
        if (!yesNoQuestion) {
            ctx.unknown(c.getCode(), "Condition", path + "/code");
            return;
        }
        String verification = c.hasVerificationStatus() ? FhirValues.first(c.getVerificationStatus()) : null;
        String clinical = c.hasClinicalStatus() ? FhirValues.first(c.getClinicalStatus()) : null;
        Boolean present;
        if ("entered-in-error".equals(verification)) {
            return;
        } else if ("refuted".equals(verification)) {
            present = false; // explicitly ruled out
        } else if (clinical == null || Set.of("active", "recurrence", "relapse").contains(clinical)) {
            present = true;
        } else {
            return; // resolved or inactive: says nothing about now, so the question stays unanswered
        }
        Instant at = c.hasRecordedDate() ? c.getRecordedDate().toInstant() : null;
        if (code.get().startsWith("red-flag.")) {
            ctx.redFlags.put(code.get().substring("red-flag.".length()), present, at, ctx.order);
        } else {
            ctx.answer(input(code.get()).orElseThrow(), present, at);
        }
    }

    /** Items whose linkId is a Crosscheck question code; nested items are read too; an item without an answer is unanswered. */
    void questionnaireResponse(QuestionnaireResponse q, String path) {
        if (q.hasStatus()
                && Set.of("entered-in-error", "stopped").contains(q.getStatus().toCode())) {
            return;
        }
        Instant at = q.hasAuthored() ? q.getAuthored().toInstant() : null;
        items(q.getItem(), path + "/item", at);
    }

    private void items(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, String path, Instant at) {
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponse.QuestionnaireResponseItemComponent item = items.get(i);
            String ipath = path + "/" + i;
            if (item.hasItem()) {
                items(item.getItem(), ipath + "/item", at);
            }
            if (!item.hasAnswer()) {
                continue; // a question without an answer is unanswered
            }
            String link = item.getLinkId();
            if (link == null || !ctx.known(link)) {
                ctx.skippedOrError(
                        new FhirScreeningMapper.Skipped("linkId:" + link, "QuestionnaireResponse", "unknown item"),
                        ipath + "/linkId",
                        link);
                continue;
            }
            if (!read(link, item.getAnswerFirstRep().getValue(), ipath + "/answer/0", at)) {
                ctx.invalid(
                        ipath + "/linkId",
                        "only red-flag questions and the inputs of inputs.yaml are read from a QuestionnaireResponse");
            }
        }
    }
}
