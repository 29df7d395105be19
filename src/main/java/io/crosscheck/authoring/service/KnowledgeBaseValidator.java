package io.crosscheck.authoring.service;

import io.crosscheck.authoring.cornerstone.CornerstoneRuns;
import io.crosscheck.authoring.lint.KnowledgeBaseLinter;
import io.crosscheck.authoring.lint.LintSubject;
import io.crosscheck.authoring.scenario.Scenario;
import io.crosscheck.authoring.scenario.ScenarioOutcome;
import io.crosscheck.authoring.scenario.ScenarioReport;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.service.ScreeningEvaluator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one definition of "this knowledge base may go live": it compiles, the linter finds nothing,
 * every scenario passes and every rule fires in at least one scenario. When it does not compile, the
 * linter still runs on what it reads without compiling (the parsed rules, the reference data, the
 * kb-docs), and its problems are reported with the compiler's. Shared by the validate
 * command and hot reload, so both accept exactly the same knowledge bases.
 */
public final class KnowledgeBaseValidator {

    private final KnowledgeBaseBuilder builder;
    private final KnowledgeBaseLinter linter = new KnowledgeBaseLinter();
    private final ScenarioSuite suite;
    private final CornerstoneRuns cornerstones;

    public KnowledgeBaseValidator(KnowledgeBaseBuilder builder, ScenarioSuite suite) {
        this.builder = builder;
        this.suite = suite;
        this.cornerstones = new CornerstoneRuns(suite.evaluator());
    }

    /**
     * The validator of the code that runs without Quarkus (the validate command, the sandboxed candidate
     * check): interpreted DRL, nothing cached, the service's evaluation path built standalone.
     *
     * @param maxFirings the limit of rule firings per screening
     */
    public static KnowledgeBaseValidator standalone(int maxFirings) {
        return standalone(maxFirings, Map.of());
    }

    /**
     * {@link #standalone(int)} that loads a candidate whose rules match one of the compiled {@code modules} the
     * service handed over instead of compiling them ({@code KnowledgeBaseBuilder.handed}): the sandboxed check.
     */
    public static KnowledgeBaseValidator standalone(int maxFirings, Map<String, byte[]> modules) {
        return new KnowledgeBaseValidator(
                KnowledgeBaseBuilder.handed(Clock.systemUTC(), modules),
                new ScenarioSuite(ScreeningEvaluator.standalone(maxFirings)));
    }

    /** Releases a knowledge base this validator built (its KieModule leaves the KieRepository). */
    public void release(KnowledgeBase kb) {
        builder.release(kb);
    }

    /**
     * The outcome: the compiled knowledge base when valid (the caller owns it and must release it
     * if it does not keep it), otherwise null; problems located at file:line:column; what the candidate
     * concluded for each cornerstone case it was given (null when it did not compile). Whether a changed
     * cornerstone holds the candidate back is the service's decision ({@code CornerstoneHold}), not validity.
     */
    public record Validation(
            KnowledgeBase knowledgeBase,
            List<KnowledgeProblem> problems,
            ScenarioReport scenarios,
            List<CornerstoneRuns.Run> cornerstones)
            implements KnowledgeBaseService.Candidate {

        public Validation(KnowledgeBase knowledgeBase, List<KnowledgeProblem> problems, ScenarioReport scenarios) {
            this(knowledgeBase, problems, scenarios, null);
        }
    }

    public Validation validate(KnowledgeSource source) {
        return validate(source, List.of());
    }

    /** Validates the candidate and evaluates the cornerstone cases with it (beside the scenarios). */
    public Validation validate(KnowledgeSource source, List<CornerstoneRuns.Case> cases) {
        KnowledgeBase kb;
        try {
            kb = builder.build(source);
        } catch (KnowledgeBaseException e) {
            // what needs no compiled knowledge base is still checked, so the author sees every problem in one pass
            List<KnowledgeProblem> problems = new ArrayList<>(e.problems());
            ReferenceData reference = builder.reference(source, new ArrayList<>());
            problems.addAll(linter.lint(LintSubject.uncompiled(source, reference)));
            return new Validation(null, problems, null);
        }
        // lint and scenario suite are independent: the lint on another thread while the scenarios run (themselves in
        // parallel)
        CompletableFuture<List<KnowledgeProblem>> lint = CompletableFuture.supplyAsync(() -> linter.lint(kb));
        ScenarioSuite.SuiteRun run = suite.runOwnSuite(kb);
        List<CornerstoneRuns.Run> runs = cases.isEmpty() ? List.of() : cornerstones.run(kb, cases);
        ScenarioReport report = run.report();
        List<Scenario> scenarios = run.scenarios();
        List<KnowledgeProblem> problems = new ArrayList<>(lint.join());
        problems.addAll(run.loadProblems());
        for (ScenarioOutcome o : report.failed()) {
            o.failures().forEach(f -> problems.add(new KnowledgeProblem(o.file(), 1, 1, f)));
        }
        if (scenarios.isEmpty()) {
            problems.add(new KnowledgeProblem(
                    ScenarioSuite.DIR, 1, 1, "no scenarios: every knowledge base needs its scenario suite"));
        }
        for (String id : report.uncoveredRules()) {
            kb.rules().stream()
                    .filter(r -> r.id().equals(id))
                    .findFirst()
                    .ifPresent(r -> problems.add(
                            new KnowledgeProblem(r.file(), r.line(), 1, "rule " + id + " fires in no scenario")));
        }
        if (!problems.isEmpty()) {
            builder.release(kb);
            return new Validation(null, problems, report, runs);
        }
        return new Validation(kb, problems, report, runs);
    }
}
