package io.crosscheck.screening.service;

import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.facts.DependsOn;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.InterventionIndication;
import io.crosscheck.engine.facts.Withheld;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.WithheldIntervention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan sections of a {@link ScreeningResult}: the interventions the rules indicated, one per
 * intervention in the Janda sequence, and those withheld, each with the rules behind it.
 */
final class PlanAssembler {

    private PlanAssembler() {}

    /**
     * @param catalogue the intervention catalogue in file order: within a phase and category, items keep that order
     *     (completing the red-flag screen before the health screen)
     */
    static List<InterventionResult> interventions(List<Recorded> all, List<InterventionDefinition> catalogue) {
        Map<String, Integer> order = new java.util.HashMap<>();
        for (InterventionDefinition d : catalogue) {
            order.putIfAbsent(d.getId(), order.size());
        }
        Set<InterventionIndication> withheld = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Recorded r : all) {
            if (r.fact() instanceof Withheld w) {
                withheld.add(w.getIndication());
            }
        }
        Map<String, Set<ScreeningResult.Question>> dependsOn = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof DependsOn d) {
                dependsOn
                        .computeIfAbsent(d.getInterventionId(), id -> new LinkedHashSet<>())
                        .add(new ScreeningResult.Question(d.getQuestion(), d.getLabel()));
            }
        }
        Map<String, List<Recorded>> byId = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof InterventionIndication ind && !withheld.contains(ind)) {
                byId.computeIfAbsent(ind.getInterventionId(), id -> new ArrayList<>())
                        .add(r);
            }
        }
        List<InterventionResult> out = new ArrayList<>();
        byId.forEach((id, indications) -> {
            InterventionDefinition def =
                    ((InterventionIndication) indications.get(0).fact()).getIntervention();
            Set<String> rationale = new LinkedHashSet<>();
            Set<String> ruleIds = new LinkedHashSet<>();
            List<String> conclusionIds = new ArrayList<>();
            for (Recorded r : indications) {
                rationale.add(((InterventionIndication) r.fact()).getReason());
                ruleIds.add(r.rule().id());
                conclusionIds.add(r.id());
            }
            out.add(new InterventionResult(
                    def.getId(),
                    def.getName(),
                    def.getCategory(),
                    def.getPhase(),
                    def.getTargets(),
                    def.getDose(),
                    def.getPrecautions(),
                    List.copyOf(rationale),
                    List.copyOf(ruleIds),
                    conclusionIds,
                    List.copyOf(dependsOn.getOrDefault(id, Set.of()))));
        });
        // Janda sequence: normalise periphery, lengthen, activate/strengthen, sensorimotor, endurance. Within
        // phase 0, completing the screen comes first, then referrals, then education.
        out.sort(Comparator.comparingInt(InterventionResult::phase)
                .thenComparingInt(i -> switch (i.category()) {
                    case "assessment" -> 0;
                    case "referral" -> 1;
                    default -> 2;
                })
                .thenComparingInt(i -> order.getOrDefault(i.id(), Integer.MAX_VALUE)));
        return out;
    }

    static List<WithheldIntervention> withheld(List<Recorded> all) {
        Map<String, WithheldIntervention> byId = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof Withheld w) {
                InterventionDefinition def = w.getIndication().getIntervention();
                byId.putIfAbsent(
                        def.getId(),
                        new WithheldIntervention(
                                def.getId(),
                                def.getName(),
                                w.getReason(),
                                r.rule().id()));
            }
        }
        return List.copyOf(byId.values());
    }
}
