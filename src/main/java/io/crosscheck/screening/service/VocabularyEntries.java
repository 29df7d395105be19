package io.crosscheck.screening.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.Vocabulary.Code;
import io.crosscheck.engine.Vocabulary.Range;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.Measurement;
import io.crosscheck.engine.facts.MovementTest;
import io.crosscheck.engine.facts.MuscleLengthTest;
import io.crosscheck.engine.facts.PostureObservation;
import io.crosscheck.engine.facts.RedFlagAnswer;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.facts.Side;
import io.crosscheck.engine.facts.Symptom;
import io.crosscheck.screening.model.ScreeningRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The request's coded entries (posture observations, muscle lengths, movement tests, symptoms and red-flag
 * answers), each checked against the knowledge base's vocabulary and turned into its input fact. Every unknown
 * code, wrong unit and out-of-range value is added to the mapper's error list, and the entry is skipped (null)
 * when it cannot stand for a fact.
 */
final class VocabularyEntries {

    private final ReferenceData reference;
    private final Vocabulary vocabulary;
    private final List<FieldError> errors;

    VocabularyEntries(ReferenceData reference, List<FieldError> errors) {
        this.reference = reference;
        this.vocabulary = reference.vocabulary();
        this.errors = errors;
    }

    InputFact observation(ScreeningRequest.Observation o, String ref) {
        Optional<Vocabulary.PostureCode> code = vocabulary.postureCode(o.code());
        if (code.isEmpty()) {
            errors.add(new FieldError(
                    ref + "/code", "unknown posture observation code (see GET /api/v1/vocabulary)", o.code()));
            return null;
        }
        Vocabulary.PostureCode pc = code.get();
        Measurement m = measurement(o.measurement(), pc.measurement(), ref + "/measurement", pc.label());
        if (o.present() == null && o.measurement() == null) {
            errors.add(new FieldError(
                    ref, pc.sign() ? "give present (true/false) or a measurement" : "give a measurement"));
        }
        if (o.present() != null && !pc.sign()) {
            errors.add(new FieldError(ref + "/present", pc.label() + " is measured, not present/absent"));
        }
        if (o.side() != null && !pc.sided()) {
            errors.add(new FieldError(ref + "/side", pc.label() + " has no side", o.side()));
        }
        return new PostureObservation(ref, pc.code(), pc.label(), o.present(), m, side(o.side()));
    }

    InputFact muscleLength(ScreeningRequest.MuscleLength m, String ref) {
        Optional<Vocabulary.MuscleCode> muscle = vocabulary.muscle(m.muscle());
        if (muscle.isEmpty()) {
            errors.add(new FieldError(ref + "/muscle", "unknown muscle code (see GET /api/v1/vocabulary)", m.muscle()));
            return null;
        }
        Vocabulary.MuscleCode mc = muscle.get();
        Measurement measured = measurement(m.measurement(), mc.measurement(), ref + "/measurement", mc.label());
        if (m.result() == null && m.measurement() == null) {
            errors.add(new FieldError(ref, "give result (short/normal) or a measurement"));
        }
        String testLabel = vocabulary
                .muscleLengthTest(mc.test())
                .map(Vocabulary.TestCode::name)
                .orElse(mc.test());
        return new MuscleLengthTest(
                ref, mc.code(), mc.label(), mc.test(), testLabel, side(m.side()), m.result(), measured);
    }

    InputFact movement(ScreeningRequest.Movement m, String ref) {
        Optional<Vocabulary.MovementTestCode> test = vocabulary.movementTest(m.test());
        if (test.isEmpty()) {
            errors.add(new FieldError(
                    ref + "/test", "unknown movement-pattern test (see GET /api/v1/vocabulary)", m.test()));
            return null;
        }
        Vocabulary.MovementTestCode tc = test.get();
        Set<String> subs = new LinkedHashSet<>();
        List<String> labels = new ArrayList<>();
        List<String> given = m.substitutionsOrEmpty();
        for (int i = 0; i < given.size(); i++) {
            Optional<Code> sub = tc.substitution(given.get(i));
            if (sub.isEmpty()) {
                errors.add(new FieldError(
                        ref + "/substitutions/" + i, "not a substitution of " + tc.name(), given.get(i)));
            } else if (subs.add(sub.get().code())) {
                labels.add(sub.get().label());
            }
        }
        Measurement measured = measurement(m.measurement(), tc.measurement(), ref + "/measurement", tc.name());
        if (m.result() == null && m.measurement() == null && subs.isEmpty()) {
            errors.add(new FieldError(ref, "give result (normal/abnormal), substitutions or a measurement"));
        }
        if ("normal".equals(m.result()) && !subs.isEmpty()) {
            errors.add(new FieldError(ref + "/result", "a normal result cannot list substitutions", m.result()));
        }
        if (m.side() != null && !tc.sided()) {
            errors.add(new FieldError(ref + "/side", tc.name() + " has no side", m.side()));
        }
        String result = m.result() != null ? m.result() : subs.isEmpty() ? null : "abnormal";
        return new MovementTest(ref, tc.code(), tc.name(), side(m.side()), result, subs, labels, measured);
    }

    /** A symptom's number within the vocabulary's range (the same messages as the request model's constraints). */
    private void number(Vocabulary.SymptomCodes codes, String field, Integer value, String ref) {
        if (value == null) {
            return;
        }
        codes.number(field).ifPresent(n -> {
            if (value < n.min()) {
                errors.add(new FieldError(ref + "/" + field, "must be greater than or equal to " + n.min(), value));
            } else if (value > n.max()) {
                errors.add(new FieldError(ref + "/" + field, "must be less than or equal to " + n.max(), value));
            }
        });
    }

    InputFact symptom(ScreeningRequest.Symptom s, String ref) {
        Vocabulary.SymptomCodes codes = vocabulary.symptoms();
        // a region or kind left out is named by the request model's constraints; the rest of the entry is still checked
        Optional<Code> region = s.region() == null
                ? Optional.empty()
                : code(codes.regions(), s.region(), ref + "/region", "symptom region");
        if (s.kind() != null) {
            code(codes.kinds(), s.kind(), ref + "/kind", "symptom kind");
        }
        Optional<Code> trigger = s.trigger() == null
                ? Optional.empty()
                : code(codes.triggers(), s.trigger(), ref + "/trigger", "symptom trigger");
        number(codes, "nrs", s.nrs(), ref);
        number(codes, "durationWeeks", s.durationWeeks(), ref);
        number(codes, "settleMinutes", s.settleMinutes(), ref);
        if (s.region() == null || s.kind() == null) {
            return null;
        }
        return new Symptom(
                ref,
                s.region(),
                region.map(Code::label).orElse(s.region()),
                s.kind(),
                s.trigger(),
                trigger.map(Code::label).orElse(null),
                s.nrs(),
                s.durationWeeks(),
                s.settleMinutes());
    }

    InputFact redFlag(ScreeningRequest.RedFlagAnswer f, String ref) {
        Optional<RedFlagDefinition> def = reference.redFlag(f.code());
        if (def.isEmpty()) {
            errors.add(new FieldError(ref + "/code", "unknown red-flag code (see GET /api/v1/vocabulary)", f.code()));
            return null;
        }
        if (f.present() == null) {
            // named by the request model's constraints (or refused for its type)
            return null;
        }
        return new RedFlagAnswer(ref, f.code(), def.get().getLabel(), f.present());
    }

    private Optional<Code> code(List<Code> codes, String value, String field, String what) {
        Optional<Code> found = Vocabulary.find(codes, value);
        if (found.isEmpty()) {
            errors.add(new FieldError(field, "unknown " + what + " (see GET /api/v1/vocabulary)", value));
        }
        return found;
    }

    private Measurement measurement(ScreeningRequest.Measurement m, Range range, String field, String what) {
        if (m == null) {
            return null;
        }
        if (range == null) {
            errors.add(new FieldError(field, what + " takes no measurement"));
            return null;
        }
        boolean ok = true;
        if (!range.unit().equals(m.unit())) {
            errors.add(new FieldError(
                    field + "/unit", "unit for " + range.label() + " must be " + range.unit(), m.unit()));
            ok = false;
        }
        if (m.value() == null) {
            // named by the request model's constraints (or refused for its type)
            return null;
        }
        if (!range.contains(m.value())) {
            errors.add(new FieldError(
                    field + "/value",
                    String.format(
                            Locale.ROOT,
                            "%s must be between %s and %s %s",
                            range.label(),
                            fmt(range.min()),
                            fmt(range.max()),
                            range.unit()),
                    m.value()));
            ok = false;
        }
        return ok ? new Measurement(m.value(), m.unit()) : null;
    }

    private static String fmt(double d) {
        return new Measurement(d, "").describe();
    }

    private static Side side(String side) {
        return side == null ? null : Side.valueOf(side.toUpperCase(Locale.ROOT));
    }
}
