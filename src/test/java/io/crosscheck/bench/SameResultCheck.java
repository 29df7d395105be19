package io.crosscheck.bench;

import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.support.RuleHarness;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the in-process result of one request, evaluated exactly as {@link ScreeningBenchmark#evaluateArticle()}
 * times it (executable model, as the service), so bench/bench.py can check that the benchmark measures what the API returns.
 * Usage: {@code SameResultCheck request.json out.json}
 */
public final class SameResultCheck {

    private SameResultCheck() {}

    public static void main(String[] args) throws Exception {
        String request = Files.readString(Path.of(args[0]));
        org.jboss.logmanager.LogContext.getSystemLogContext()
                .getLogger("org.drools")
                .setLevel(java.util.logging.Level.WARNING);
        ScreeningResult result = io.crosscheck.screening.service.ScreeningEvaluator.standalone(10_000)
                .evaluate(request, ScreeningBenchmark.executableModel(Path.of("rules"), Path.of("kb-docs")));
        Files.writeString(Path.of(args[1]), RuleHarness.JSON.writeValueAsString(result));
    }
}
