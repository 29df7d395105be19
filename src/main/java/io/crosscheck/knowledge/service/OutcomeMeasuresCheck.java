package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.outcome.OutcomeMeasures;
import io.crosscheck.engine.outcome.OutcomeMeasures.Measure;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks {@code rules/reference/outcome-measures.yaml} beyond its shape: unique codes, a scoring its items can make, a
 * range and an MCID, wording public or licensed, regions of the vocabulary, follow-up codes. A problem fails the build
 * of the knowledge base.
 */
final class OutcomeMeasuresCheck {

    private OutcomeMeasuresCheck() {}

    /** The measures when they pass, else null with each problem added. */
    static OutcomeMeasures check(
            OutcomeMeasures outcomes, Vocabulary vocabulary, String file, List<KnowledgeProblem> problems) {
        int before = problems.size();
        Set<String> codes = new HashSet<>();
        Set<String> regions = new HashSet<>();
        vocabulary.symptoms().regions().forEach(r -> regions.add(r.code()));
        for (Measure m : outcomes.measures()) {
            String at = "measure " + m.code() + ": ";
            if (m.code() == null || !m.code().matches("[a-z][a-z0-9_]*") || !codes.add(m.code())) {
                problems.add(problem(file, "measure code missing, not snake_case or repeated: " + m.code()));
                continue;
            }
            if (m.name() == null || m.shortName() == null || m.scoring() == null || m.better() == null) {
                problems.add(problem(file, at + "name, shortName, scoring and better are required"));
            }
            if (m.namedByClient() == !m.items().isEmpty()) {
                problems.add(problem(file, at + "give either items or activities: true"));
            }
            if (m.scoring() == OutcomeMeasures.Scoring.single && m.itemCount() != 1) {
                problems.add(problem(file, at + "scoring single takes exactly one item"));
            }
            if (m.itemMin() >= m.itemMax() || m.min() >= m.max() || m.maxMissing() < 0) {
                problems.add(problem(file, at + "itemMin < itemMax, min < max and maxMissing >= 0"));
            }
            if (m.mcid() == null || m.mcid().value() <= 0 || m.mcid().note() == null) {
                problems.add(problem(file, at + "mcid needs a positive value and a note with its source"));
            }
            if (!"public".equals(m.wording()) && !"licensed".equals(m.wording())) {
                problems.add(problem(file, at + "wording is public or licensed"));
            }
            if (m.sources().isEmpty()) {
                problems.add(problem(file, at + "sources are required"));
            }
            if (m.appliesTo() != null && m.appliesTo().regions() != null) {
                m.appliesTo().regions().stream()
                        .filter(r -> !regions.contains(r))
                        .forEach(r -> problems.add(problem(file, at + "unknown symptom region " + r)));
            }
        }
        checkCodes(outcomes.followUp().done(), "followUp.done", file, problems);
        checkCodes(outcomes.followUp().tolerance(), "followUp.tolerance", file, problems);
        return problems.size() > before ? null : outcomes;
    }

    private static void checkCodes(
            List<OutcomeMeasures.Code> codes, String where, String file, List<KnowledgeProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (OutcomeMeasures.Code c : codes) {
            if (c.code() == null || !c.code().matches("[a-z][a-z0-9_]*") || !seen.add(c.code()) || c.label() == null) {
                problems.add(problem(file, where + ": code missing, repeated or without a label: " + c.code()));
            }
        }
    }

    private static KnowledgeProblem problem(String file, String message) {
        return new KnowledgeProblem(file, 0, 0, message);
    }
}
