package io.crosscheck.bench;

import io.crosscheck.common.json.Json;
import io.crosscheck.common.validation.Validators;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.screening.service.ScreeningRequestReader;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where the time of one screening goes, outside HTTP and the database: reading and validating the
 * request, evaluating the rules (session, reference facts, provenance) and writing the JSON. Read
 * the results as ratios within one run (bench/run-benchmarks.sh prints them), not as absolutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScreeningBenchmark {

    private KnowledgeBase kb;
    private KnowledgeBase kbWithoutWhyNot;
    private KnowledgeBase kbReferenceInserted;
    private KnowledgeBase kbInterpreted;

    /** The shipped rules as the service builds them: Drools' executable model, built at runtime. */
    public static KnowledgeBase executableModel(java.nio.file.Path rules, java.nio.file.Path docs) {
        return new io.crosscheck.knowledge.service.KnowledgeBaseBuilder(
                        new io.crosscheck.engine.KnowledgeBaseCompiler(java.time.Clock.systemUTC(), true))
                .build(new io.crosscheck.knowledge.service.KnowledgeSourceReader().fromDirectories(rules, docs));
    }

    private ScreeningEvaluator evaluator;
    private ScreeningEvaluator pooled;
    private ScreeningRequest article;
    private ScreeningRequest flagged;
    private ScreeningRequest minimal;
    private ScreeningResult articleResult;
    private com.fasterxml.jackson.databind.node.ObjectNode articleNode;
    private com.fasterxml.jackson.databind.node.ObjectNode unansweredNode;

    @Setup
    public void setUp() {
        // as in the service (application.properties): Drools logs at WARN. Left at the JBoss LogManager's default,
        // its unguarded trace calls would format every tuple (about a fifth of the time measured).
        org.jboss.logmanager.LogContext.getSystemLogContext()
                .getLogger("org.drools")
                .setLevel(java.util.logging.Level.WARNING);
        // as the service evaluates: the executable model (KnowledgeBeans); the interpreted DRL for comparison
        kb = executableModel(java.nio.file.Path.of("rules"), java.nio.file.Path.of("kb-docs"));
        kbInterpreted = RuleHarness.shipped().knowledgeBase();
        evaluator = ScreeningEvaluator.standalone(10_000);
        pooled = new ScreeningEvaluator(
                new ScreeningRequestReader(RuleHarness.JSON, Validators.standalone()),
                new RuleEngine(10_000, RuleEngine.Sessions.POOLED),
                Json.newMapper());
        article = evaluator.read(Requests.ARTICLE_DESK_WORKER);
        flagged = evaluator.read(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);
        minimal = evaluator.read("{\"client\":{\"age\":40}}");
        articleResult = evaluator.evaluate(article, kb);
        try {
            articleNode = (com.fasterxml.jackson.databind.node.ObjectNode)
                    RuleHarness.JSON.readTree(Requests.ARTICLE_DESK_WORKER);
            unansweredNode = (com.fasterxml.jackson.databind.node.ObjectNode)
                    RuleHarness.JSON.readTree(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // ablation: the same knowledge base without the why-not rules (WHY-001, WHY-002)
        KnowledgeBaseCopy copy = KnowledgeBaseCopy.create();
        String patterns = copy.read("rules/patterns/patterns.drl");
        copy.write(
                "rules/patterns/patterns.drl",
                patterns.substring(0, patterns.indexOf("rule \"WHY-001"))
                        + patterns.substring(patterns.indexOf("rule \"CON-001")));
        kbWithoutWhyNot = executableModel(copy.rules(), copy.docs());
        // lean-session comparison: the same rules matching reference data inserted into every session, as before
        // the ReferenceIndex global (each `from reference...` and the global declaration taken out)
        KnowledgeBaseCopy inserted = KnowledgeBaseCopy.create();
        try (var files = java.nio.file.Files.walk(inserted.rules())) {
            for (java.nio.file.Path drl :
                    files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String relative =
                        "rules/" + inserted.rules().relativize(drl).toString().replace('\\', '/');
                inserted.write(
                        relative,
                        inserted.read(relative)
                                .replaceAll("(?m)^global io\\.crosscheck\\.engine\\.ReferenceIndex reference;.*\\n", "")
                                .replaceAll("\\s+from reference\\.\\w+\\([^)]*\\)", ""));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        kbReferenceInserted = RuleHarness.build(inserted.rules(), inserted.docs());
        if (kbReferenceInserted.referenceGlobal()
                || !evaluator.evaluate(article, kbReferenceInserted).patterns().equals(articleResult.patterns())) {
            throw new IllegalStateException(
                    "the reference-inserted candidate must conclude what the lean session does");
        }
    }

    /** Parse and validate the article request (Jackson + Bean Validation). */
    @Benchmark
    public ScreeningRequest readRequest() {
        return evaluator.read(Requests.ARTICLE_DESK_WORKER);
    }

    /** The fixed cost of a session: reference facts inserted, nothing to conclude but the empty patterns. */
    @Benchmark
    public ScreeningResult evaluateMinimal() {
        return evaluator.evaluate(minimal, kb);
    }

    /** Ablation: the minimal request without why-not rules, to show what naming missing tests costs. */
    @Benchmark
    public ScreeningResult evaluateMinimalWithoutWhyNot() {
        return evaluator.evaluate(minimal, kbWithoutWhyNot);
    }

    /** Ablation: the article client without why-not rules. */
    @Benchmark
    public ScreeningResult evaluateArticleWithoutWhyNot() {
        return evaluator.evaluate(article, kbWithoutWhyNot);
    }

    /** The source article's client: rules, provenance and result assembly. */
    @Benchmark
    public ScreeningResult evaluateArticle() {
        return evaluator.evaluate(article, kb);
    }

    /** Executable model or not: the article client on the interpreted DRL (the lean session otherwise the same). */
    @Benchmark
    public ScreeningResult evaluateArticleInterpreted() {
        return evaluator.evaluate(article, kbInterpreted);
    }

    /** Lean-session comparison, the way before: about 200 reference facts inserted into each fresh session (interpreted DRL). */
    @Benchmark
    public ScreeningResult evaluateArticleReferenceInserted() {
        return evaluator.evaluate(article, kbReferenceInserted);
    }

    /** Lean-session candidate: the article client on a pooled session (reset on dispose) instead of a fresh one. */
    @Benchmark
    public ScreeningResult evaluateArticlePooledSession() {
        return pooled.evaluate(article, kb);
    }

    /** The same client with a red flag: safety gate withholds the plan. */
    @Benchmark
    public ScreeningResult evaluateArticleWithRedFlag() {
        return evaluator.evaluate(flagged, kb);
    }

    /**
     * What would change the article client's result (issue 28): the baseline and every one-change variant through
     * the one evaluation path; the article client answered every question, so this is the pattern variants alone.
     */
    @Benchmark
    public io.crosscheck.screening.model.WhatIf whatIfArticle() {
        return new io.crosscheck.screening.service.WhatIfAnalysis(evaluator, 400)
                .analyse("bench", kb.version(), articleNode.deepCopy(), kb);
    }

    /** The same client with no red-flag question answered: a variant per open question besides the patterns'. */
    @Benchmark
    public io.crosscheck.screening.model.WhatIf whatIfArticleRedFlagsUnanswered() {
        return new io.crosscheck.screening.service.WhatIfAnalysis(evaluator, 400)
                .analyse("bench", kb.version(), unansweredNode.deepCopy(), kb);
    }

    /** Serialise the article result, explanation included. */
    @Benchmark
    public String writeResult() throws Exception {
        return RuleHarness.JSON.writeValueAsString(articleResult);
    }
}
