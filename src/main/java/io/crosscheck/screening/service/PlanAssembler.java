package io.crosscheck.screening.service;

import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.facts.DependsOn;
import io.crosscheck.engine.facts.Fact;
import io.crosscheck.engine.facts.Finding;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.InterventionIndication;
import io.crosscheck.engine.facts.Withheld;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.WithheldIntervention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan sections of a {@link ScreeningResult}: the interventions the rules indicated, one per intervention (every
 * reason merged into it) in the Janda sequence, each ranked by what to do first, and those withheld, each with the
 * rules behind it.
 *
 * <p>The priority order ({@link #PRIORITY}): safety first (completing the red-flag and health screens, then
 * referrals, then a set review), then the items that address the most examination findings (a short muscle on each
 * side counts twice: the stretch that treats both does more than an item for one), then the most reasons of any kind
 * (contributors, symptoms, yellow flags, the pattern as a whole), and Janda's sequence as the tie-break (normalise and
 * prepare, lengthen, activate and strengthen, sensorimotor training, function), then the catalogue's order. An item
 * called for by a pattern as a whole addresses no single finding: the specific exercise for what was found comes
 * before the general one.
 */
final class PlanAssembler {

    private PlanAssembler() {}

    /** Categories of the safety tier, most pressing first; every other category comes after them. */
    private static final List<String> SAFETY = List.of("assessment", "referral", "review");

    /**
     * @param catalogue the intervention catalogue in file order: within a phase and category, items keep that order
     *     (completing the red-flag screen before the health screen)
     */
    static List<InterventionResult> interventions(List<Recorded> all, List<InterventionDefinition> catalogue) {
        Map<String, Integer> order = new HashMap<>();
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
            Set<String> findings = new LinkedHashSet<>();
            List<String> conclusionIds = new ArrayList<>();
            for (Recorded r : indications) {
                rationale.add(((InterventionIndication) r.fact()).getReason());
                ruleIds.add(r.rule().id());
                conclusionIds.add(r.id());
                findings.addAll(findings(r));
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
                    List.copyOf(dependsOn.getOrDefault(id, Set.of())),
                    null,
                    findings.size()));
        });
        // Janda sequence: normalise periphery, lengthen, activate/strengthen, sensorimotor, endurance. Within
        // phase 0, completing the screen comes first, then referrals, then education.
        Comparator<InterventionResult> catalogueOrder =
                Comparator.comparingInt(i -> order.getOrDefault(i.id(), Integer.MAX_VALUE));
        out.sort(Comparator.comparingInt(InterventionResult::phase)
                .thenComparingInt(i -> switch (i.category()) {
                    case "assessment" -> 0;
                    case "referral" -> 1;
                    default -> 2;
                })
                .thenComparing(catalogueOrder));
        List<InterventionResult> ranked = new ArrayList<>(out);
        ranked.sort(PRIORITY.thenComparing(catalogueOrder));
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            rank.put(ranked.get(i).id(), i + 1);
        }
        return out.stream().map(i -> ranked(i, rank.get(i.id()))).toList();
    }

    private static InterventionResult ranked(InterventionResult i, int rank) {
        return new InterventionResult(
                i.id(),
                i.name(),
                i.category(),
                i.phase(),
                i.targets(),
                i.dose(),
                i.precautions(),
                i.rationale(),
                i.ruleIds(),
                i.conclusionIds(),
                i.dependsOn(),
                rank,
                i.findingsAddressed());
    }

    /**
     * What to do first, before the catalogue's order: safety (screens, referrals, review), then the most findings
     * addressed, the most reasons, and Janda's sequence.
     */
    static final Comparator<InterventionResult> PRIORITY = Comparator.<InterventionResult>comparingInt(i -> {
                int tier = SAFETY.indexOf(i.category());
                return tier < 0 ? SAFETY.size() : tier;
            })
            .thenComparing(i -> i.findingsAddressed() == null ? 0 : i.findingsAddressed(), Comparator.reverseOrder())
            .thenComparing(i -> i.rationale().size(), Comparator.reverseOrder())
            .thenComparingInt(InterventionResult::phase);

    /** The examination findings (code and side) one indication was drawn from. */
    private static Set<String> findings(Recorded r) {
        Set<String> out = new LinkedHashSet<>();
        for (Fact f : r.matchedFacts()) {
            if (f instanceof Finding finding) {
                out.add(finding.getCode() + "/" + finding.getSide());
            }
        }
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
