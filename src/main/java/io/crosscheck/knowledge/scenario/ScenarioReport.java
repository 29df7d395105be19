package io.crosscheck.knowledge.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Outcomes of the whole suite and the rule coverage they give. */
public record ScenarioReport(List<ScenarioOutcome> outcomes, Set<String> allRuleIds) {

    public boolean passed() {
        return outcomes.stream().allMatch(ScenarioOutcome::passed) && uncoveredRules().isEmpty();
    }

    public List<ScenarioOutcome> failed() {
        return outcomes.stream().filter(o -> !o.passed()).toList();
    }

    /** Rule id -> scenario files in which it fired. */
    public Map<String, List<String>> coverage() {
        Map<String, List<String>> coverage = new TreeMap<>();
        allRuleIds.forEach(id -> coverage.put(id, new ArrayList<>()));
        for (ScenarioOutcome o : outcomes) {
            o.rulesFired().forEach(id -> coverage.computeIfAbsent(id, k -> new ArrayList<>()).add(o.file()));
        }
        return coverage;
    }

    public Set<String> uncoveredRules() {
        Set<String> uncovered = new TreeSet<>();
        coverage().forEach((id, files) -> {
            if (files.isEmpty()) {
                uncovered.add(id);
            }
        });
        return uncovered;
    }

    public double coveragePercent() {
        return allRuleIds.isEmpty() ? 100.0 : 100.0 * (allRuleIds.size() - uncoveredRules().size()) / allRuleIds.size();
    }

    /** A Markdown coverage report: one row per rule with the number of scenarios that fire it. */
    public String coverageMarkdown() {
        StringBuilder s = new StringBuilder("# Rule coverage by the scenario suite\n\n");
        s.append(String.format("%d scenarios, %d passed; %d rules, coverage %.1f %%%n%n", outcomes.size(),
                outcomes.size() - failed().size(), allRuleIds.size(), coveragePercent()));
        s.append("| rule | scenarios firing it | example |\n|---|---|---|\n");
        coverage().forEach((id, files) -> s.append("| ").append(id).append(" | ").append(files.size()).append(" | ")
                .append(files.isEmpty() ? "**none**" : files.get(0)).append(" |\n"));
        return s.toString();
    }
}
