package io.crosscheck.bench;

import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.replay.service.SandboxedReplay;
import io.crosscheck.authoring.scenario.Scenario;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import io.crosscheck.screening.store.ScreeningFilter;
import io.crosscheck.screening.store.StoredScreening;
import io.crosscheck.support.ModuleReuse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The replay's sandbox process alone, without the service or its database: {@code n} stored requests (the
 * scenario suite's requests, over and over, as a mix of clients) streamed through {@link SandboxedReplay} as
 * the service streams them (those expected to be rejected left out: a stored screening was accepted once), the current knowledge base ({@code rules/}) against a candidate that is the same
 * files (every rule evaluated twice, nothing changes). Prints one JSON line: the wall time from the first row
 * sent to the report, the screenings per second and the report's counts. Run by {@code bench/replay-child.py}.
 * Usage: {@code ReplayChildBenchmark [n] [auto|c1|c2] [handed|compiled]}
 */
public final class ReplayChildBenchmark {

    private ReplayChildBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        // the compiler tier: "auto" (the service's choice for n screenings), "c1" or "c2" (forced, to compare)
        String tier = args.length > 1 ? args[1] : "auto";
        long announced = switch (tier) {
            case "c1" -> 0;
            case "c2" -> Long.MAX_VALUE;
            default -> n;
        };
        KnowledgeSource current = new KnowledgeSourceReader().fromDirectories(Path.of("rules"), Path.of("kb-docs"));
        KnowledgeSource candidate = new KnowledgeSource("candidate", current.files());
        List<String> requests = new ArrayList<>();
        for (Scenario s : ScenarioSuite.load(current, new ArrayList<>())) {
            if (s.expect() == null || s.expect().rejectedFields() == null) {
                requests.add(s.request().toString()); // stored screenings were accepted once: no rejected ones
            }
        }
        // as the service: the process is handed the compiled module of the rules from the module cache (data/kb-cache,
        // filled here if empty); "compiled" (third argument) hands none, so the process compiles both as interpreted
        // DRL
        boolean handed = args.length < 3 || !args[2].equals("compiled");
        KnowledgeBaseBuilder service = ModuleReuse.BUILDER;
        if (handed) {
            service.release(service.build(current));
        }
        SandboxedReplay replay = SandboxedReplay.forCommandLine(10_000, 5, handed ? service : null);
        long t0 = System.nanoTime();
        try (SandboxedReplay.Child child =
                replay.start(current, candidate, new ScreeningFilter(null, null, null), Instant.now(), announced)) {
            long t1 = System.nanoTime();
            ReplayReport report = child.replay(rows(requests, n), processed -> {});
            long t2 = System.nanoTime();
            double seconds = (t2 - t1) / 1e9;
            System.out.printf(
                    "{\"n\":%d,\"tier\":\"%s\",\"modules\":\"%s\",\"requests\":%d,\"startSeconds\":%.2f,\"replaySeconds\":%.2f,\"perSecond\":%.1f,"
                            + "\"evaluated\":%d,\"failed\":%d}%n",
                    n,
                    tier,
                    handed ? "handed" : "compiled",
                    requests.size(),
                    (t1 - t0) / 1e9,
                    seconds,
                    n / seconds,
                    report.screenings().evaluated(),
                    report.screenings().failed());
        }
    }

    private static Iterator<StoredScreening> rows(List<String> requests, int n) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public StoredScreening next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                String json = requests.get(i++ % requests.size());
                return new StoredScreening(UUID.randomUUID(), Instant.EPOCH, null, json);
            }
        };
    }
}
