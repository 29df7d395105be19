package io.crosscheck.fhir.service;

import io.crosscheck.engine.input.Onset;
import io.crosscheck.engine.input.Terminology;
import io.crosscheck.fhir.service.MappingContext.Meaning;
import io.crosscheck.screening.model.ScreeningRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;

/**
 * Conditions (problem list, encounter diagnoses) by meaning (kb-docs/fhir-mapping.md, "Conditions by meaning"):
 *
 * <ul>
 *   <li>verification: entered-in-error is ignored; refuted is an explicit "no"; unconfirmed, provisional and
 *       differential are read as present (the cautious reading: a suspected red flag refers);
 *   <li>clinical status: active, recurrence and relapse are present now; inactive, remission and resolved (or an
 *       abatement date without a status) are past;
 *   <li>time: a question about now ({@link Onset#CURRENT}) is answered yes by a present problem and not at all by a
 *       past one; a question about now or the past ({@link Onset#EVER}, "history of cancer") yes by both; a question
 *       about something new ({@link Onset#NEW}, {@link Onset#RECENT}) yes only by a present problem that began
 *       within the window (onset, else the recorded date; undated: yes, the cautious reading), and not at all
 *       otherwise: dizziness since 2021 leaves the new-dizziness question unanswered, never "no";
 *   <li>a problem that is a symptom (low back pain, cervicalgia) is the reported symptom while present, with its
 *       duration from the onset.
 * </ul>
 */
final class ConditionReader {

    enum State {
        ENTERED_IN_ERROR,
        REFUTED,
        PRESENT,
        PAST
    }

    private static final Set<String> PRESENT = Set.of("active", "recurrence", "relapse");

    private final MappingContext ctx;
    private final AnswerReader answers;

    ConditionReader(MappingContext ctx, AnswerReader answers) {
        this.ctx = ctx;
        this.answers = answers;
    }

    static State state(Condition c) {
        String verification = c.hasVerificationStatus() ? FhirValues.first(c.getVerificationStatus()) : null;
        if ("entered-in-error".equals(verification)) {
            return State.ENTERED_IN_ERROR;
        }
        if ("refuted".equals(verification)) {
            return State.REFUTED;
        }
        String clinical = c.hasClinicalStatus() ? FhirValues.first(c.getClinicalStatus()) : null;
        if (clinical == null) {
            return c.hasAbatement() ? State.PAST : State.PRESENT;
        }
        return PRESENT.contains(clinical) ? State.PRESENT : State.PAST;
    }

    /** When the problem began: its onset date or the start of its onset period; null when not given as a date. */
    static Instant onset(Condition c) {
        if (c.getOnset() instanceof DateTimeType d && d.hasValue()) {
            return d.getValue().toInstant();
        }
        if (c.hasOnsetPeriod() && c.getOnsetPeriod().hasStart()) {
            return c.getOnsetPeriod().getStart().toInstant();
        }
        return null;
    }

    void read(Condition c, String path) {
        Optional<Meaning> meaning = ctx.meaning(c.getCode());
        if (meaning.isEmpty()
                || (meaning.get().problem() == null
                        && !answers.yesNoQuestion(meaning.get().code()))) {
            ctx.unknown(c.getCode(), "Condition", path + "/code");
            return;
        }
        State state = state(c);
        if (state == State.ENTERED_IN_ERROR) {
            return;
        }
        Instant began = onset(c);
        Instant recorded = c.hasRecordedDate() ? c.getRecordedDate().toInstant() : null;
        Instant at = recorded != null ? recorded : began;
        Meaning m = meaning.get();
        if (m.problem() != null) {
            symptom(c, m.problem(), state, began, at);
            return;
        }
        Boolean answer = switch (state) {
            case REFUTED -> Boolean.FALSE;
            case PAST -> m.onset() == Onset.EVER ? Boolean.TRUE : null;
            default ->
                (m.onset() != Onset.NEW && m.onset() != Onset.RECENT)
                                || ctx.within(began != null ? began : recorded, m.onset())
                        ? Boolean.TRUE
                        : null;
        };
        if (answer == null) {
            ctx.notRead(
                    c.getCode(),
                    "Condition",
                    state == State.PAST
                            ? "resolved or inactive: says nothing about now (" + m.code() + " stays unanswered)"
                            : "began " + date(began != null ? began : recorded) + ": not "
                                    + m.onset().name().toLowerCase() + " (" + m.code() + " stays unanswered)");
            return;
        }
        if (m.code().startsWith("red-flag.")) {
            ctx.redFlags.put(m.code().substring("red-flag.".length()), answer, at, ctx.order);
        } else {
            ctx.answer(answers.input(m.code()).orElseThrow(), answer, at);
        }
    }

    /** A present problem that is a symptom: the symptom of its region and kind, lasting since its onset. */
    private void symptom(Condition c, Terminology.Problem p, State state, Instant began, Instant at) {
        if (state != State.PRESENT) {
            ctx.notRead(c.getCode(), "Condition", "resolved, inactive or refuted: no current symptom");
            return;
        }
        Integer weeks = null;
        if (began != null && ctx.now != null && !began.isAfter(ctx.now)) {
            int max = ctx.reference
                    .vocabulary()
                    .symptoms()
                    .number("durationWeeks")
                    .map(n -> n.max())
                    .orElse(Integer.MAX_VALUE);
            weeks = (int) Math.min(max, Duration.between(began, ctx.now).toDays() / 7);
        }
        ctx.symptoms.put(
                p.region() + "|" + p.kind(),
                new ScreeningRequest.Symptom(p.region(), p.kind(), null, null, weeks, null),
                at,
                ctx.order);
    }

    private static String date(Instant at) {
        return at == null ? "(no date)" : at.toString().substring(0, 10);
    }
}
