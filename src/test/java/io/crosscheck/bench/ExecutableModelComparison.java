package io.crosscheck.bench;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseCompiler;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Interpreted DRL against the executable model built at runtime: compile time of the shipped rules
 * (each compiled {@code rounds} times in one JVM, the last one reported: first compiles pay class
 * loading), then evaluation time of the article client (mean over {@code n} after a warm-up), and a
 * check that both conclude the same. Run by bench/run-benchmarks.sh; prints one JSON line.
 * Usage: {@code ExecutableModelComparison [rounds] [n]}
 */
public final class ExecutableModelComparison {

    private ExecutableModelComparison() {}

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.LogContext.getSystemLogContext()
                .getLogger("org.drools")
                .setLevel(java.util.logging.Level.WARNING);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        KnowledgeSource source = new KnowledgeSourceReader().fromDirectories(Path.of("rules"), Path.of("kb-docs"));
        StringBuilder json = new StringBuilder("{");
        ScreeningResult first = null;
        for (boolean exec : new boolean[] {false, true}) {
            KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(new KnowledgeBaseCompiler(Clock.systemUTC(), exec));
            KnowledgeBase kb = null;
            long compileMs = 0;
            for (int i = 0; i < rounds; i++) {
                if (kb != null) {
                    builder.release(kb);
                }
                long t = System.nanoTime();
                kb = builder.build(source);
                compileMs = (System.nanoTime() - t) / 1_000_000;
            }
            ScreeningEvaluator evaluator = ScreeningEvaluator.standalone(10_000);
            ScreeningRequest article = evaluator.read(Requests.ARTICLE_DESK_WORKER);
            long t = System.nanoTime();
            ScreeningResult firstResult = evaluator.evaluate(article, kb);
            long firstUs = (System.nanoTime() - t) / 1000;
            for (int i = 0; i < n; i++) {
                evaluator.evaluate(article, kb);
            }
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                evaluator.evaluate(article, kb);
            }
            double meanUs = (System.nanoTime() - t) / 1000.0 / n;
            String name = exec ? "executableModel" : "interpreted";
            json.append(String.format(
                    "\"%s\":{\"compileMs\":%d,\"firstEvaluationUs\":%d,\"meanEvaluationUs\":%.1f},",
                    name, compileMs, firstUs, meanUs));
            if (first != null && !conclusions(firstResult).equals(conclusions(first))) {
                throw new IllegalStateException("the executable model concludes differently from the interpreted DRL");
            }
            first = firstResult;
        }
        json.append("\"sameResult\":true}");
        System.out.println(json);
    }

    /** What the rules concluded, explanation included, without what names the knowledge base's load. */
    private static String conclusions(ScreeningResult r) throws Exception {
        return RuleHarness.JSON.writeValueAsString(java.util.Arrays.asList(
                r.summary(),
                r.patterns(),
                r.redFlags(),
                r.interventions(),
                r.withheld(),
                r.precautions(),
                r.contributors(),
                r.yellowFlags(),
                r.explanation()));
    }
}
