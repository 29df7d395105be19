package io.crosscheck.engine;

import java.util.List;
import java.util.Optional;

/**
 * Every code a client may send, with label, unit and valid range. Read from
 * {@code rules/reference/vocabulary.yaml}, so it is versioned with the rules that use it.
 */
public record Vocabulary(
        List<PostureCode> posture,
        List<MuscleCode> muscles,
        List<TestCode> muscleLengthTests,
        List<MovementTestCode> movementTests,
        List<TestCode> otherAssessments,
        SymptomCodes symptoms,
        List<Code> activityLevels,
        List<Code> sexes) {

    /** A plain code and its label. */
    public record Code(String code, String label) {}

    /** A measured quantity: what is measured, its unit and the physically plausible range. */
    public record Range(String label, String unit, double min, double max) {
        public boolean contains(double v) {
            return v >= min && v <= max;
        }
    }

    /** A posture observation: a sign ({@code present} true/false), a measurement, or a sign that may be measured. */
    public record PostureCode(
            String code, String label, boolean sign, Range measurement, boolean sided, String evidence) {}

    /** A muscle whose length can be tested, the test used and, where the test is measured, what is measured. */
    public record MuscleCode(String code, String label, String test, Range measurement) {}

    /** A muscle-length test. */
    public record TestCode(String code, String name, String evidence) {}

    /** A Janda movement-pattern test, the substitutions it can show and an optional measurement. */
    public record MovementTestCode(
            String code,
            String name,
            boolean sided,
            List<Code> substitutions,
            Range measurement,
            boolean clinicianRated,
            String evidence) {
        public Optional<Code> substitution(String code) {
            return substitutions.stream().filter(s -> s.code().equals(code)).findFirst();
        }
    }

    /** Symptom regions, kinds and triggers. */
    public record SymptomCodes(List<Code> regions, List<Code> kinds, List<Code> triggers, List<SymptomNumber> numbers) {
        public Optional<SymptomNumber> number(String field) {
            return numbers == null
                    ? Optional.empty()
                    : numbers.stream().filter(n -> n.field().equals(field)).findFirst();
        }
    }

    /** A number a symptom entry carries (its JSON field), with its label, unit and valid whole-number range. */
    public record SymptomNumber(String field, String label, String unit, int min, int max) {}

    public Optional<PostureCode> postureCode(String code) {
        return posture.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public Optional<MuscleCode> muscle(String code) {
        return muscles.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    public Optional<TestCode> muscleLengthTest(String code) {
        return muscleLengthTests.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<MovementTestCode> movementTest(String code) {
        return movementTests.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public static Optional<Code> find(List<Code> codes, String code) {
        return codes.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
