package io.crosscheck.authoring.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.cornerstone.CornerstoneRuns;
import io.crosscheck.authoring.cornerstone.Pseudonymiser;
import io.crosscheck.authoring.scenario.Scenario;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.common.json.Json;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.support.ModuleReuse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * How long the sandboxed check of a candidate (the shipped rules: compile, lint, 200 scenarios, coverage) takes with
 * N cornerstone cases sent along, N = 0, 25, 100, 200 (or the arguments), median of 3 runs each; the cases are the
 * scenario suite's own requests, pseudonymised as a promotion does, cycled when N exceeds them; and the same cases
 * evaluated alone in this process, to see their own cost apart from the check's noise. Run by {@code
 * bench/cornerstone-check.sh}; never part of the tests (timings are never asserted).
 */
public final class CornerstoneCheckTiming {

    private CornerstoneCheckTiming() {}

    /** {@code n} cases made from the scenario suite's accepted requests, pseudonymised. */
    public static List<CornerstoneRuns.Case> cases(KnowledgeSource source, int n) {
        ObjectMapper json = Json.newMapper();
        List<Scenario> scenarios = ScenarioSuite.load(source, new ArrayList<>()).stream()
                .filter(s -> s.expect().rejectedFields() == null)
                .toList();
        List<CornerstoneRuns.Case> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                ScreeningRequest r =
                        json.treeToValue(scenarios.get(i % scenarios.size()).request(), ScreeningRequest.class);
                cases.add(new CornerstoneRuns.Case(new UUID(0, i + 1L).toString(), Pseudonymiser.json(json, r)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return cases;
    }

    /**
     * The cases alone, as the sandbox evaluates them (the validator's evaluation path, interpreted DRL, in parallel):
     * median of 5 after 2 warm-up runs, so the cost per case is seen apart from the check's JVM start and compile.
     */
    static void inProcess(KnowledgeSource shipped, List<Integer> sizes) {
        ScreeningEvaluator evaluator = ScreeningEvaluator.standalone(10_000);
        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(java.time.Clock.systemUTC());
        KnowledgeBase kb = builder.build(shipped);
        CornerstoneRuns runs = new CornerstoneRuns(evaluator);
        System.out.println("| cornerstone cases | evaluated alone, median of 5 (ms) | per case (ms) |");
        System.out.println("|---|---|---|");
        for (int n : sizes) {
            List<CornerstoneRuns.Case> cases = cases(shipped, n);
            long[] ms = new long[7];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                runs.run(kb, cases);
                ms[i] = (System.nanoTime() - start) / 1_000_000;
            }
            long[] measured = Arrays.copyOfRange(ms, 2, ms.length);
            Arrays.sort(measured);
            System.out.printf(
                    "| %d | %d | %s |%n",
                    n,
                    measured[2],
                    n == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", measured[2] / (double) n));
        }
        builder.release(kb);
        System.out.println();
    }

    /**
     * As the service: the check is handed the shipped rules' compiled module from the module cache ({@code data/kb-cache},
     * filled if empty); with the environment variable {@code MODULES=compiled}, none (the check compiles the rules).
     */
    private static KnowledgeBaseBuilder modules(KnowledgeSource shipped) {
        if ("compiled".equals(System.getenv("MODULES"))) {
            System.out.println("Checks compile the rules (MODULES=compiled).\n");
            return null;
        }
        KnowledgeBaseBuilder service = ModuleReuse.BUILDER;
        service.release(service.build(shipped));
        System.out.println("Checks are handed the rules' compiled module, as the service's are.\n");
        return service;
    }

    public static void main(String[] args) {
        List<Integer> sizes = args.length == 0
                ? List.of(0, 25, 100, 200)
                : Arrays.stream(args).map(Integer::parseInt).toList();
        KnowledgeSource shipped = new KnowledgeSourceReader().fromDirectories(Path.of("rules"), Path.of("kb-docs"));
        CandidateSandbox sandbox = new CandidateSandbox(
                new SandboxConfig() {
                    public boolean enabled() {
                        return true;
                    }

                    public Duration timeout() {
                        return Duration.ofMinutes(10);
                    }

                    public String maxHeap() {
                        return "384m";
                    }

                    public int maxOutputBytes() {
                        return 4 * 1024 * 1024;
                    }

                    public int maxConcurrent() {
                        return 1;
                    }
                },
                10_000,
                CandidateCheckMain.class.getName(),
                modules(shipped));
        inProcess(shipped, sizes);
        sandbox.check(shipped); // warm the file cache and the JIT of this side
        System.out.println("| cornerstone cases | sandboxed check, median of 3 (ms) | runs (ms) |");
        System.out.println("|---|---|---|");
        for (int n : sizes) {
            List<CornerstoneRuns.Case> cases = cases(shipped, n);
            long[] ms = new long[3];
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                CandidateCheck.Outcome outcome = sandbox.check(shipped, cases);
                ms[i] = (System.nanoTime() - start) / 1_000_000;
                if (!outcome.valid() || (n > 0 && outcome.cornerstones().size() != n)) {
                    throw new IllegalStateException("the check failed: " + outcome.problems());
                }
            }
            long[] sorted = ms.clone();
            Arrays.sort(sorted);
            System.out.printf("| %d | %d | %s |%n", n, sorted[1], Arrays.toString(ms));
        }
    }
}
