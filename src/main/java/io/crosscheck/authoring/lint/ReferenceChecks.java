package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonLocation;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.drl.ParsedRule.ParsedLiteral;
import io.crosscheck.engine.drl.ParsedRule.ParsedPattern;
import io.crosscheck.engine.drl.ValidValues;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.engine.facts.TestedBy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules against the reference data: every code a rule compares against exists (otherwise the condition can never
 * match, so the rule can never fire), every catalogue intervention is recommended by a rule and documented, and the
 * tests the catalogue and the red-flag domains name exist. An unknown code is reported with the valid ones.
 */
final class ReferenceChecks {

    private static final String RED_FLAGS = KnowledgeSource.RULES + "reference/red-flags.yaml";
    private static final String VOCABULARY = KnowledgeSource.RULES + "reference/vocabulary.yaml";

    private ReferenceChecks() {}

    static void check(LintSubject subject, List<KnowledgeProblem> problems) {
        Set<String> recommended =
                checkLiterals(subject, new KnownCodes(subject.reference(), subject.rules()), problems);
        checkCatalogue(subject, recommended, problems);
        ReferenceData ref = subject.reference();
        Set<String> tests = ref.tests().stream().map(TestDefinition::getCode).collect(Collectors.toSet());
        ref.redFlags().stream()
                .flatMap(f -> f.getTestsAfterAnswer().stream().map(t -> List.of(f.getDomain(), t)))
                .filter(named -> !tests.contains(named.get(1)))
                .distinct()
                .forEach(named -> problems.add(new KnowledgeProblem(
                        RED_FLAGS,
                        1,
                        1,
                        "red-flag domain " + named.get(0) + " testsAfterAnswer " + named.get(1)
                                + " is not a known test, so it can never be held; "
                                + ValidValues.describe(named.get(1), tests, "tests", VOCABULARY))));
    }

    /** Checks every literal in every pattern constraint; returns the intervention ids some rule matches on. */
    private static Set<String> checkLiterals(LintSubject subject, KnownCodes known, List<KnowledgeProblem> problems) {
        Set<String> recommended = new HashSet<>();
        for (ParsedRule rule : subject.rules()) {
            for (ParsedPattern pattern : rule.patterns()) {
                known.forType(pattern.type()).ifPresent(codes -> {
                    for (ParsedLiteral literal : pattern.literals()) {
                        if (pattern.type().endsWith("InterventionDefinition")) {
                            recommended.add(literal.value());
                        }
                        if (!KnownCodes.accepts(codes, literal.value())) {
                            problems.add(new KnowledgeProblem(
                                    rule.file(),
                                    literal.line(),
                                    literal.column(),
                                    "\"" + literal.value() + "\" is not a known code for " + pattern.type()
                                            + ", so this condition can never match; "
                                            + known.validValues(pattern.type(), literal.value())));
                        }
                    }
                });
            }
        }
        return recommended;
    }

    private static void checkCatalogue(LintSubject subject, Set<String> recommended, List<KnowledgeProblem> problems) {
        String catalogue = KnowledgeBaseLinter.CATALOGUE;
        Map<String, JsonLocation> entries =
                YamlPlaces.ids(subject.source().files().getOrDefault(catalogue, ""));
        for (InterventionDefinition i : subject.reference().interventions()) {
            JsonLocation at = entries.get(i.getId());
            int line = at == null ? 1 : at.getLineNr();
            int column = at == null ? 1 : at.getColumnNr();
            if (subject.complete() && !recommended.contains(i.getId())) {
                problems.add(new KnowledgeProblem(
                        catalogue,
                        line,
                        column,
                        "intervention " + i.getId() + " is in the catalogue but no rule recommends it"));
            }
            for (String unknown : unknownTestedBy(subject.reference(), i)) {
                problems.add(new KnowledgeProblem(
                        catalogue,
                        line,
                        column,
                        "intervention " + i.getId() + " testedBy names " + unknown
                                + ", which is not in the vocabulary or findings, so the test can never be matched"));
            }
            String page = KnowledgeBaseLinter.INTERVENTION_DOCS + i.getId() + ".md";
            if (!subject.source().files().containsKey(page)) {
                problems.add(new KnowledgeProblem(
                        catalogue, line, column, "intervention " + i.getId() + " has no kb-doc page " + page));
            }
        }
    }

    /** The codes of an intervention's testedBy that name no muscle, movement test or finding, with the valid ones. */
    private static List<String> unknownTestedBy(ReferenceData ref, InterventionDefinition i) {
        TestedBy by = i.getTestedBy();
        if (by == null) {
            return List.of();
        }
        var v = ref.vocabulary();
        List<String> unknown = new ArrayList<>();
        Set<String> muscles = v.muscles().stream().map(m -> m.code()).collect(Collectors.toSet());
        Set<String> movementTests =
                v.movementTests().stream().map(t -> t.code()).collect(Collectors.toSet());
        Set<String> findings =
                ref.findings().stream().map(FindingDefinition::getCode).collect(Collectors.toSet());
        by.getMuscles().stream()
                .filter(m -> !muscles.contains(m))
                .forEach(m -> unknown.add("muscle " + m + " ("
                        + ValidValues.describe(m, muscles, "muscles", VOCABULARY + " muscles") + ")"));
        by.getMovementTests().stream()
                .filter(t -> !movementTests.contains(t))
                .forEach(t -> unknown.add("movement test " + t + " ("
                        + ValidValues.describe(t, movementTests, "movement tests", VOCABULARY + " movementTests")
                        + ")"));
        by.getFindings().stream()
                .filter(f -> !findings.contains(f))
                .forEach(f -> unknown.add("finding " + f + " ("
                        + ValidValues.describe(
                                f, findings, "findings", KnowledgeSource.RULES + "reference/findings.yaml")
                        + ")"));
        return unknown;
    }
}
