package io.crosscheck.screening.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.facts.Threshold;
import io.crosscheck.screening.model.ClientHistory.ThresholdLine;
import io.crosscheck.screening.model.ClientHistory.ThresholdRule;
import java.util.List;
import java.util.Map;

/** The thresholds the rules compare a measured code with, as reference lines (charts) and hints (the web form). */
public final class ThresholdLines {

    private static final Map<String, String> FACT_TYPES = Map.of(
            "observation",
            "PostureObservation",
            "muscleLength",
            "MuscleLengthTest",
            "movement",
            "MovementTest",
            "symptom",
            "Symptom",
            "answer",
            "Answer");

    private ThresholdLines() {}

    /**
     * The thresholds the rules compare a measured code with (the knowledge base's {@link io.crosscheck.engine.ThresholdUses}):
     * {@code kind} observation, muscleLength, movement, symptom or answer (an input of inputs.yaml, by its code).
     */
    public static List<ThresholdLine> of(KnowledgeBase kb, String kind, String code, String unit) {
        return kb.thresholdUses().of(FACT_TYPES.get(kind), code, unit).stream()
                .map(u -> {
                    Threshold t = u.threshold();
                    return new ThresholdLine(
                            t.getId(),
                            t.getLabel(),
                            t.getComparator(),
                            t.getValue(),
                            t.getUnit(),
                            t.getNote(),
                            u.rules().stream()
                                    .map(r -> new ThresholdRule(r.id(), r.name()))
                                    .toList());
                })
                .toList();
    }
}
