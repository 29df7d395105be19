package io.crosscheck.authoring.lint;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.engine.drl.ParsedRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a knowledge base for what the compiler cannot see, and needs no compiled knowledge base for it
 * ({@link LintSubject}): every rule documented and every page backed by a rule ({@link DocCoverage}); every code a
 * rule compares against exists, every catalogue intervention is recommended and documented ({@link ReferenceChecks});
 * every rule belongs to a stage, and needs nothing a later stage concludes ({@link StageOrderCheck}); no constraint
 * compares an optional input without requiring that it was sent ({@link AbsenceCheck}); kb-docs quote thresholds and
 * doses as the reference data has them ({@link ThresholdQuotes}, {@link DoseQuotes}); the index's generated blocks
 * are up to date ({@link KbIndex}); the client's texts and pictures fit the catalogue
 * and read plainly ({@link HomeProgrammeCheck}), and each translation of them is complete, current and plain
 * ({@link TranslationCheck}); no placeholder of a scaffold is left ({@link Placeholders}). Rules are read through the engine's DRL parser, never with regular expressions.
 * Problems are located as {@code file:line:column}.
 */
public final class KnowledgeBaseLinter {

    public static final String RULE_DOCS = KnowledgeSource.DOCS + "rules/";
    public static final String INTERVENTION_DOCS = KnowledgeSource.DOCS + "interventions/";
    static final String CATALOGUE = KnowledgeSource.RULES + "reference/interventions.yaml";
    static final String THRESHOLDS = KnowledgeSource.RULES + "reference/thresholds.yaml";

    public List<KnowledgeProblem> lint(KnowledgeBase kb) {
        return lint(LintSubject.of(kb));
    }

    public List<KnowledgeProblem> lint(LintSubject subject) {
        List<KnowledgeProblem> problems = new ArrayList<>();
        Placeholders.check(subject.source(), problems);
        DocCoverage.check(subject, problems);
        if (subject.reference() != null) {
            ReferenceChecks.check(subject, problems);
            ThresholdQuotes.check(subject, problems);
            DoseQuotes.check(subject, problems);
            KbIndex.check(subject, problems);
            HomeProgrammeCheck.check(subject.source(), subject.reference(), problems);
            TranslationCheck.check(subject.source(), subject.reference(), problems);
        }
        AbsenceCheck.check(subject.rules(), problems);
        for (ParsedRule r : subject.rules()) {
            if (!RuleEngine.STAGES.contains(r.stage())) {
                problems.add(new KnowledgeProblem(
                        r.file(),
                        r.line(),
                        1,
                        "rule " + r.id() + " is in no stage (ruleflow-group " + String.join(", ", RuleEngine.STAGES)
                                + "): it would run after the safety gate"));
            }
        }
        if (subject.complete()) {
            StageOrderCheck.check(subject.rules(), problems);
        }
        return problems;
    }
}
