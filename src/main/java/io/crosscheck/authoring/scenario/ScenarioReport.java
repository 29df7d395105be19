package io.crosscheck.authoring.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Outcomes of the whole suite and the rule coverage they give. */
public record ScenarioReport(List<ScenarioOutcome> outcomes, Set<String> allRuleIds) {

    public List<ScenarioOutcome> failed() {
        return outcomes.stream().filter(o -> !o.passed()).toList();
    }

    /** Rule id -> scenario files in which it fired. */
    public Map<String, List<String>> coverage() {
        Map<String, List<String>> coverage = new TreeMap<>();
        allRuleIds.forEach(id -> coverage.put(id, new ArrayList<>()));
        for (ScenarioOutcome o : outcomes) {
            o.rulesFired()
                    .forEach(id ->
                            coverage.computeIfAbsent(id, k -> new ArrayList<>()).add(o.file()));
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
        return allRuleIds.isEmpty()
                ? 100.0
                : 100.0 * (allRuleIds.size() - uncoveredRules().size()) / allRuleIds.size();
    }

    /**
     * The rule -> scenarios index as Markdown: one row per rule id with every scenario that fires it.
     * A build output (never written into rules/ or kb-docs/, whose content is the version hash).
     */
    public String coverageMarkdown() {
        StringBuilder s = new StringBuilder("# Rule -> scenarios index\n\n");
        s.append(String.format(
                java.util.Locale.ROOT,
                "%d scenarios, %d passed; %d rules, coverage %.1f %%%n%n",
                outcomes.size(),
                outcomes.size() - failed().size(),
                allRuleIds.size(),
                coveragePercent()));
        s.append("| rule | scenarios | every scenario that fires it |\n|---|---|---|\n");
        coverage()
                .forEach((id, files) -> s.append("| ")
                        .append(id)
                        .append(" | ")
                        .append(files.size())
                        .append(" | ")
                        .append(files.isEmpty() ? "**none**" : String.join("<br>", files))
                        .append(" |\n"));
        return s.toString();
    }
}
