package io.crosscheck.authoring.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.authoring.cornerstone.CornerstoneRuns;
import io.crosscheck.authoring.service.KnowledgeBaseValidator;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import io.crosscheck.support.BrokenRules;
import io.crosscheck.support.ModuleReuse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandboxed candidate check (layer 2 of docs/adr/0007), without Quarkus: the shipped rules pass in
 * it, and what a hostile consequence does there reaches nothing of this (the parent) process.
 *
 * <p>The tests with hostile DRL go through the real path: the candidate is compiled and its scenarios run
 * in the child, where the consequence runs. Once the allow-list of docs/adr/0006 (layer 1, in the
 * compiler) is in, it refuses such DRL before compiling, in the child as in the service: these tests then
 * still hold (no marker, no secret, rejected) but prove layer 1 first. So that layer 2 stays tested on its
 * own, {@link #aProbeInTheSandboxSeesNoEnvironmentNoServicePropertiesAndNoFileNetworkOrProcess} starts a
 * probe class from the test class path through the same launcher and confinement, with no DRL at all; no
 * switch turns the allow-list off, in tests or elsewhere.
 */
class CandidateSandboxTest {

    @TempDir
    Path outside;

    private static SandboxConfig config(Duration timeout) {
        return new SandboxConfig() {
            public boolean enabled() {
                return true;
            }

            public Duration timeout() {
                return timeout;
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
        };
    }

    private static final CandidateSandbox SANDBOX =
            new CandidateSandbox(config(Duration.ofMinutes(3)), 10_000, CandidateCheckMain.class.getName());

    private static KnowledgeSource shipped() {
        return new KnowledgeSourceReader().fromDirectories(Path.of("rules"), Path.of("kb-docs"));
    }

    private static KnowledgeSource shippedWith(String path, String text) {
        Map<String, String> files = new HashMap<>(shipped().files());
        files.put(path, text);
        return new KnowledgeSource("test:hostile", files);
    }

    private static String text(CandidateCheck.Outcome outcome) {
        return outcome.problems().stream().map(KnowledgeProblem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void theShippedRulesAreValidInTheSandbox() {
        CandidateCheck.Outcome outcome = SANDBOX.check(shipped());
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.version()).isEqualTo(shipped().contentHash());
        assertThat(outcome.scenarios().outcomes()).isNotEmpty();
        assertThat(outcome.scenarios().uncoveredRules()).isEmpty();
    }

    /**
     * A sandbox handing its checks the modules of a builder as the service's (the executable model, its modules cached
     * on disk) that has compiled the shipped rules.
     */
    private CandidateSandbox handingTheShippedModule() {
        KnowledgeBaseBuilder service = ModuleReuse.builder(outside.resolve("kb-cache"));
        service.release(service.build(shipped()));
        return new CandidateSandbox(config(Duration.ofMinutes(3)), 10_000, CandidateCheckMain.class.getName(), service);
    }

    @Test
    void aCandidateThatChangesNoRuleIsCheckedOnTheServicesCompiledModuleWithTheSameOutcomeAsCompiled() {
        CandidateSandbox handing = handingTheShippedModule();
        String threshold = "rules/reference/patterns.yaml";
        KnowledgeSource referenceOnly =
                shippedWith(threshold, shipped().files().get(threshold) + "# a comment of the author\n");

        CandidateCheck.Outcome loaded = handing.check(referenceOnly);
        CandidateCheck.Outcome compiled = SANDBOX.check(referenceOnly);

        assertThat(loaded.fromModule()).isTrue();
        assertThat(compiled.fromModule()).isFalse();
        assertThat(loaded.valid()).isTrue();
        assertThat(loaded.version()).isEqualTo(referenceOnly.contentHash());
        assertThat(loaded.problems()).isEqualTo(compiled.problems());
        assertThat(loaded.scenarios()).isEqualTo(compiled.scenarios());
    }

    @Test
    void aCandidateThatChangesARuleIsCompiledInTheCheckThoughTheServiceHoldsTheModuleOfTheRulesBefore() {
        CandidateSandbox handing = handingTheShippedModule();

        CandidateCheck.Outcome outcome =
                handing.check(shippedWith("rules/plan/broken.drl", BrokenRules.SYNTAX_ERROR_AT_LINE_6));

        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.fromModule()).isFalse();
        assertThat(outcome.problems())
                .extracting(KnowledgeProblem::toString)
                .anyMatch(p -> p.startsWith("rules/plan/broken.drl:6:"));
    }

    @Test
    void cornerstoneCasesSentWithTheCandidateAreEvaluatedThereAsTheServiceEvaluatesThem() {
        List<CornerstoneRuns.Case> cases = CornerstoneCheckTiming.cases(shipped(), 12);
        CandidateCheck.Outcome outcome = SANDBOX.check(shipped(), cases);
        assertThat(outcome.valid()).isTrue();
        KnowledgeBaseValidator local = KnowledgeBaseValidator.standalone(10_000);
        KnowledgeBaseValidator.Validation here = local.validate(shipped(), cases);
        try {
            assertThat(outcome.cornerstones())
                    .hasSize(12)
                    .extracting(CornerstoneRuns.Run::id)
                    .containsExactlyElementsOf(
                            cases.stream().map(CornerstoneRuns.Case::id).toList());
            assertThat(outcome.cornerstones()).isEqualTo(here.cornerstones());
            assertThat(outcome.cornerstones())
                    .allSatisfy(r -> assertThat(r.fired()).isNotEmpty())
                    .anySatisfy(r -> assertThat(r.conclusion().patterns()).containsValue("consistent"));
        } finally {
            local.release(here.knowledgeBase());
        }
    }

    @Test
    void aConsequenceThatWritesOutsideItsTemporaryDirectoryLeavesNoFileAndIsRejected() {
        Path marker = outside.resolve("marker.txt");
        CandidateCheck.Outcome outcome =
                SANDBOX.check(shippedWith("rules/plan/probe.drl", HostileRules.writing(marker)));
        assertThat(marker).doesNotExist();
        assertThat(outcome.valid()).isFalse();
        assertAnswered(outcome);
    }

    /**
     * The check answered (the candidate was rejected by its validation, not by the launcher: timeout, crash,
     * unreadable answer, whose problems name "the candidate's check").
     */
    private static void assertAnswered(CandidateCheck.Outcome outcome) {
        assertThat(text(outcome)).doesNotContain("the candidate's check");
    }

    @Test
    void aConsequenceThatReadsAFileOutsideItsTemporaryDirectoryGetsNothingOfIt() throws IOException {
        Path secret = outside.resolve("audit.key");
        Files.writeString(secret, "canary-key-5f1d0c");
        CandidateCheck.Outcome outcome =
                SANDBOX.check(shippedWith("rules/plan/probe.drl", HostileRules.reading(secret)));
        assertThat(outcome.valid()).isFalse();
        assertAnswered(outcome);
        assertThat(text(outcome)).doesNotContain("canary-key-5f1d0c");
    }

    @Test
    void aConsequenceThatReadsTheEnvironmentAndPropertiesSeesNoneOfTheServices() {
        CandidateCheck.Outcome outcome = SANDBOX.check(shippedWith("rules/plan/probe.drl", HostileRules.environment()));
        assertThat(outcome.valid()).isFalse();
        assertAnswered(outcome);
        String answer = text(outcome);
        Map<String, String> parent = System.getenv();
        assertThat(parent.keySet())
                .as("this test needs an environment to compare")
                .isNotEmpty();
        parent.forEach((name, value) -> {
            if (!Map.of("PATH", "", "LANG", "", "TMPDIR", "").containsKey(name)) {
                assertThat(answer).as("the environment variable " + name).doesNotContain(name + "=" + value);
            }
        });
        // surefire gives this JVM the database URL as a system property; the service has such settings too
        assertThat(System.getProperty("crosscheck.jdbc-url")).isNotNull();
        assertThat(answer).doesNotContain(System.getProperty("crosscheck.jdbc-url"));
    }

    @Test
    void aCheckThatDoesNotEndIsKilledAtItsTimeoutAndRejects() {
        // a looping consequence is refused by the allow-list before it could run, so the check that never ends is
        // played by a stand-in for CandidateCheckMain, started and confined the same way
        CandidateSandbox quick =
                new CandidateSandbox(config(Duration.ofSeconds(20)), 10_000, SandboxEndlessMain.class.getName());
        CandidateCheck.Outcome outcome =
                quick.check(shippedWith("rules/plan/probe.drl", HostileRules.writing(outside.resolve("never.txt"))));
        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.compiled()).isFalse();
        assertThat(text(outcome)).contains("did not finish within 20 s");
    }

    @Test
    void aProbeInTheSandboxSeesNoEnvironmentNoServicePropertiesAndNoFileNetworkOrProcess() throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "canary-file-8a2e");
        Path marker = outside.resolve("probe-marker.txt");
        try (ServerSocket listening = new ServerSocket(0)) {
            SandboxProcess probe =
                    new SandboxProcess(SandboxProbeMain.class.getName(), Duration.ofMinutes(1), "64m", 64 * 1024);
            SandboxProcess.Result result = probe.run(
                    new byte[0],
                    java.util.List.of(secret.toString(), marker.toString(), String.valueOf(listening.getLocalPort())));
            assertThat(result.answered()).as(result.stderrTail()).isTrue();
            Map<String, String> seen = new String(result.stdout(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .collect(Collectors.toMap(
                            l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
            assertThat(seen.get("jdbc")).isEqualTo("null");
            assertThat(seen.get("dir")).contains("crosscheck-sandbox-");
            assertThat(seen.get("tmp")).startsWith("allowed:");
            if (probe.securityManager()) {
                assertThat(seen.get("read")).startsWith("denied:");
                assertThat(seen.get("write")).startsWith("denied:");
                assertThat(marker).doesNotExist();
                assertThat(seen.get("env")).startsWith("denied:");
                assertThat(seen.get("exec")).startsWith("denied:");
                assertThat(seen.get("connect")).startsWith("denied:");
            } else {
                // Java 24+: no SecurityManager, only the empty environment and the process boundary (ADR 0007)
                assertThat(seen.get("env")).doesNotContain("HOME=").doesNotContain("JAVA_HOME=");
            }
        }
    }

    @Test
    void aCandidateCheckStopsAtTheFirstCompilerTierAndALongReplayProcessUsesTheOptimisingOne() throws IOException {
        SandboxProcess probe =
                new SandboxProcess(SandboxProbeMain.class.getName(), Duration.ofMinutes(1), "64m", 64 * 1024);
        for (boolean optimising : new boolean[] {false, true}) {
            SandboxProcess.Result result = probe.run(
                    new byte[0], java.util.List.of(outside.resolve("none").toString(), "/dev/null", "1"), optimising);
            assertThat(result.answered()).as(result.stderrTail()).isTrue();
            String tier = new String(result.stdout(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.startsWith("tier="))
                    .findFirst()
                    .orElseThrow();
            assertThat(tier).isEqualTo(optimising ? "tier=4" : "tier=1");
        }
    }
}
