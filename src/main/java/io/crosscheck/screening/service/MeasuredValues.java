package io.crosscheck.screening.service;

import io.crosscheck.engine.Vocabulary;
import io.crosscheck.screening.model.ScreeningRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values a request measured, each with the quantity it measures and its label from the vocabulary: posture angles,
 * muscle lengths, movement-test measurements and each symptom's pain NRS. One point of a history chart
 * ({@link ClientHistoryAssembler}) and one line of what changed since the last visit ({@link FollowUpAssembler}).
 */
final class MeasuredValues {

    /**
     * The unit of a symptom's NRS, as the reference data writes it (the threshold of severe pain): a request
     * carries NRS as a bare number.
     */
    static final String NRS_UNIT = "NRS";

    private MeasuredValues() {}

    /**
     * One measured value: {@code kind} observation, muscleLength, movement or symptom; {@code code} the observation,
     * muscle, movement test or symptom region; {@code side} when sided; {@code qualifier} the symptom's kind.
     */
    record Value(String kind, String code, String side, String qualifier, String label, double value, String unit) {

        /** What is measured: values of two visits with the same key are the same quantity. */
        String key() {
            return String.join("|", kind, code, String.valueOf(side), String.valueOf(qualifier), unit);
        }
    }

    static List<Value> of(Vocabulary vocabulary, ScreeningRequest request) {
        List<Value> out = new ArrayList<>();
        for (ScreeningRequest.Observation o : request.observationsOrEmpty()) {
            if (o.measurement() != null) {
                out.add(value(vocabulary, "observation", o.code(), o.side(), null, o.measurement()));
            }
        }
        for (ScreeningRequest.MuscleLength m : request.muscleLengthOrEmpty()) {
            if (m.measurement() != null) {
                out.add(value(vocabulary, "muscleLength", m.muscle(), m.side(), null, m.measurement()));
            }
        }
        for (ScreeningRequest.Movement m : request.movementPatternsOrEmpty()) {
            if (m.measurement() != null) {
                out.add(value(vocabulary, "movement", m.test(), m.side(), null, m.measurement()));
            }
        }
        for (ScreeningRequest.Symptom sy : request.symptomsOrEmpty()) {
            if (sy.nrs() != null) {
                out.add(value(
                        vocabulary,
                        "symptom",
                        sy.region(),
                        null,
                        sy.kind(),
                        new ScreeningRequest.Measurement(sy.nrs().doubleValue(), NRS_UNIT)));
            }
        }
        return out;
    }

    private static Value value(
            Vocabulary v, String kind, String code, String side, String qualifier, ScreeningRequest.Measurement m) {
        return new Value(kind, code, side, qualifier, label(v, kind, code, qualifier), m.value(), m.unit());
    }

    /** The label of a measured quantity, from the vocabulary (the code itself when the vocabulary has none). */
    static String label(Vocabulary vocabulary, String kind, String code, String qualifier) {
        return switch (kind) {
            case "observation" ->
                vocabulary
                        .postureCode(code)
                        .map(p -> p.measurement() != null ? p.measurement().label() : p.label())
                        .orElse(code);
            case "muscleLength" ->
                vocabulary
                        .muscle(code)
                        .map(c -> c.label()
                                + (c.measurement() == null
                                        ? ""
                                        : ": " + c.measurement().label()))
                        .orElse(code);
            case "movement" ->
                vocabulary
                        .movementTest(code)
                        .map(c -> c.name()
                                + (c.measurement() == null
                                        ? ""
                                        : ": " + c.measurement().label()))
                        .orElse(code);
            case "symptom" -> symptomLabel(vocabulary, code, qualifier);
            default -> code;
        };
    }

    private static String symptomLabel(Vocabulary vocabulary, String region, String kind) {
        if (vocabulary.symptoms() == null) {
            return region + " " + kind + " (NRS)";
        }
        String r = Vocabulary.find(vocabulary.symptoms().regions(), region)
                .map(Vocabulary.Code::label)
                .orElse(region);
        String k = Optional.ofNullable(kind)
                .flatMap(c -> Vocabulary.find(vocabulary.symptoms().kinds(), c))
                .map(Vocabulary.Code::label)
                .orElse(kind);
        return r + " " + k + " (NRS)";
    }
}
