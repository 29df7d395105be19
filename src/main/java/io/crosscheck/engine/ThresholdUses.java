package io.crosscheck.engine;

import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.facts.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which reference thresholds the rules compare a measured code with, read from the parsed rules and the
 * reference data: a rule measures a code when it has a pattern of the code's fact type that names the code
 * (or names no code at all, as the symptom rules do), and it takes a threshold by id (or by an id prefix
 * completed at run time, such as {@code dnf_endurance_} + norm group). Built once per knowledge base;
 * answers are kept, since the rules and reference data of a knowledge base never change.
 */
public final class ThresholdUses {

    /** A rule that compares a measured value with a threshold. */
    public record RuleRef(String id, String name) {}

    /** A threshold the rules use on a measured code, and those rules. */
    public record Use(Threshold threshold, List<RuleRef> rules) {}

    private final List<ParsedRule> rules;
    private final List<Threshold> thresholds;
    /** Per rule, the ids of the thresholds it takes. */
    private final Map<ParsedRule, Set<String>> thresholdIdsByRule = new LinkedHashMap<>();

    private final Map<String, List<Use>> answers = new ConcurrentHashMap<>();

    ThresholdUses(List<ParsedRule> rules, List<Threshold> thresholds) {
        this.rules = rules;
        this.thresholds = thresholds;
        for (ParsedRule rule : rules) {
            Set<String> ids = new LinkedHashSet<>();
            rule.patterns().stream()
                    .filter(p -> p.type().equals("Threshold"))
                    .flatMap(p -> p.literals().stream())
                    .forEach(l -> thresholds.stream()
                            .filter(t -> t.getId().equals(l.value())
                                    || (l.value().endsWith("_") && t.getId().startsWith(l.value())))
                            .forEach(t -> ids.add(t.getId())));
            thresholdIdsByRule.put(rule, ids);
        }
    }

    /** The thresholds in {@code unit} that rules on facts of {@code factType} compare {@code code} with, in reference-data order. */
    public List<Use> of(String factType, String code, String unit) {
        return answers.computeIfAbsent(factType + '|' + code + '|' + unit, k -> compute(factType, code, unit));
    }

    private List<Use> compute(String factType, String code, String unit) {
        Map<String, List<RuleRef>> rulesByThreshold = new LinkedHashMap<>();
        for (ParsedRule rule : rules) {
            boolean measures = rule.patterns().stream()
                    .anyMatch(p -> p.type().equals(factType)
                            && (p.literals().isEmpty()
                                    || p.literals().stream()
                                            .anyMatch(l -> l.value().equals(code))));
            if (measures) {
                for (String id : thresholdIdsByRule.get(rule)) {
                    rulesByThreshold
                            .computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new RuleRef(rule.id(), rule.name()));
                }
            }
        }
        List<Use> uses = new ArrayList<>();
        for (Threshold t : thresholds) {
            List<RuleRef> using = rulesByThreshold.get(t.getId());
            if (using != null && Objects.equals(t.getUnit(), unit)) {
                uses.add(new Use(t, using.stream().distinct().toList()));
            }
        }
        return List.copyOf(uses);
    }
}
