package io.crosscheck.authoring.lint;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.drl.DrlFiles;
import io.crosscheck.engine.drl.ParsedRule;
import java.util.ArrayList;
import java.util.List;

/**
 * What the linter reads: the files, the reference data and the rules as Drools' parser read them. Nothing of it needs
 * a compiled knowledge base, so a knowledge base that does not compile is linted too, and its author sees every
 * problem in one pass.
 *
 * @param reference the reference data, or null when it has problems of its own (then the checks against it are left
 *                  out: they would only repeat them)
 * @param rules     the rules with an {@code @id} (one without is a compiler problem)
 * @param complete  whether every DRL file parsed; when one did not, checks that need every rule (a page without a
 *                  rule, an intervention no rule recommends, the stage order) are left out
 */
public record LintSubject(KnowledgeSource source, ReferenceData reference, List<ParsedRule> rules, boolean complete) {

    public LintSubject {
        rules = rules.stream().filter(r -> r.id() != null && !r.id().isBlank()).toList();
    }

    /** A compiled knowledge base: everything parsed and read. */
    public static LintSubject of(KnowledgeBase kb) {
        return new LintSubject(kb.source(), kb.reference(), kb.parsedRules(), true);
    }

    /** A knowledge base that did not compile: its DRL parsed again, file by file, its reference data as read. */
    public static LintSubject uncompiled(KnowledgeSource source, ReferenceData reference) {
        List<KnowledgeProblem> syntax = new ArrayList<>();
        List<ParsedRule> rules = DrlFiles.parse(source.drlFiles(), syntax).values().stream()
                .flatMap(List::stream)
                .toList();
        return new LintSubject(source, reference, rules, syntax.isEmpty());
    }

    /** The rule with this id, if any. */
    java.util.Optional<ParsedRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
