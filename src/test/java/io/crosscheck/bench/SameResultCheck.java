package io.crosscheck.bench;

import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.support.RuleHarness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the in-process result of one request, evaluated exactly as {@link ScreeningBenchmark} times
 * it, so bench/bench.py can check that the benchmark measures what the API returns.
 * Usage: {@code SameResultCheck request.json out.json}
 */
public final class SameResultCheck {

    private SameResultCheck() {
    }

    public static void main(String[] args) throws Exception {
        String request = Files.readString(Path.of(args[0]));
        ScreeningResult result = RuleHarness.shipped().screen(request);
        Files.writeString(Path.of(args[1]), RuleHarness.JSON.writeValueAsString(result));
    }
}
