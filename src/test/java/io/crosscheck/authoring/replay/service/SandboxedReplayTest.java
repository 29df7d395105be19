package io.crosscheck.authoring.replay.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.sandbox.SandboxEndlessMain;
import io.crosscheck.authoring.sandbox.SandboxProcess;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.screening.store.ScreeningFilter;
import io.crosscheck.screening.store.StoredScreening;
import io.crosscheck.support.BrokenRules;
import io.crosscheck.support.Candidates;
import io.crosscheck.support.GeneratedRequests;
import io.crosscheck.support.RuleHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay in a process of its own (issue 22, docs/adr/0007), without Quarkus: it reports what the service's
 * engine would, the process is sent no client reference, a candidate that does not compile is refused with
 * its problems, and a process that stops answering is killed with a reason.
 */
class SandboxedReplayTest {

    private static final String CANARY = "client-ref-canary-91c2";

    @TempDir
    Path tmp;

    private static SandboxedReplay replay(String mainClass, Duration compile, Duration whole) {
        return new SandboxedReplay(
                new SandboxProcess(mainClass, compile, "384m", 4 * 1024 * 1024),
                compile,
                whole,
                10_000,
                5,
                12_000,
                null);
    }

    private static KnowledgeSource source(Path rules) {
        return new KnowledgeSourceReader().fromDirectories(rules, Path.of("kb-docs"));
    }

    private static List<StoredScreening> stored(int count) throws IOException {
        List<StoredScreening> rows = new ArrayList<>();
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (String json : GeneratedRequests.generate(20261205L, count)) {
            ObjectNode request = (ObjectNode) RuleHarness.JSON.readTree(json);
            request.put("clientRef", CANARY);
            String withRef = RuleHarness.JSON.writeValueAsString(request);
            rows.add(new StoredScreening(UUID.randomUUID(), t = t.plusSeconds(60), CANARY, withRef));
        }
        return rows;
    }

    @Test
    void aReplayOfThousandsOfScreeningsGetsTheOptimisingCompilerAndASmallerOneStopsAtTheFirstTier() {
        SandboxedReplay sandboxed =
                replay(ReplayProcessMain.class.getName(), Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertThat(sandboxed.optimising(0)).isFalse();
        assertThat(sandboxed.optimising(11_999)).isFalse();
        assertThat(sandboxed.optimising(12_000)).isTrue();
        assertThat(sandboxed.optimising(100_000)).isTrue();
    }

    @Test
    void aReplayInItsOwnProcessReportsExactlyWhatTheServicesEngineReports() throws IOException {
        KnowledgeSource current = source(Path.of("rules"));
        KnowledgeSource candidate = source(Candidates.withLcsConsistentMinFindings(tmp, 4));
        List<StoredScreening> rows = stored(80);
        Instant startedAt = Instant.parse("2026-12-05T12:00:00Z");

        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
        KnowledgeBase now = builder.build(current);
        KnowledgeBase proposed = builder.build(candidate);
        ScreeningEvaluator evaluator = ScreeningEvaluator.standalone(10_000);
        ReplayReport here = new ReplayEngine(evaluator, new ScenarioSuite(evaluator), 5, Clock.systemUTC())
                .replay(now, proposed, ScreeningFilter.ALL, startedAt, rows.iterator(), ReplayEngine.Listener.NONE);
        builder.release(now);
        builder.release(proposed);

        AtomicLong progress = new AtomicLong();
        ReplayReport there;
        try (SandboxedReplay.Child child = replay(
                        ReplayProcessMain.class.getName(), Duration.ofMinutes(3), Duration.ofMinutes(5))
                .start(current, candidate, ScreeningFilter.ALL, startedAt, rows.size())) {
            there = child.replay(rows.iterator(), progress::set);
        }

        assertThat(here.screenings().changed())
                .as("the candidate changes some stored screenings")
                .isPositive();
        assertThat(there.screenings()).isEqualTo(here.screenings());
        assertThat(there.scenarios()).isEqualTo(here.scenarios());
        assertThat(there.scenarioExpectationsNotMet()).isEqualTo(here.scenarioExpectationsNotMet());
        assertThat(there.knowledgeBases()).isEqualTo(here.knowledgeBases());
        assertThat(there.startedAt()).isEqualTo(startedAt);
        assertThat(progress.get()).isEqualTo(80);
    }

    @Test
    void theReplaysProcessIsSentNoClientReferenceAndTheReportKeepsTheFilter() throws IOException {
        KnowledgeSource current = source(Path.of("rules"));
        ScreeningFilter filter = new ScreeningFilter(null, null, CANARY);
        List<StoredScreening> rows = stored(12);

        ReplayReport report;
        try (SandboxedReplay.Child child = replay(
                        ReplayChannelProbeMain.class.getName(), Duration.ofMinutes(1), Duration.ofMinutes(2))
                .start(current, current, filter, Instant.now(), 0)) {
            report = child.replay(rows.iterator(), n -> {});
        }

        List<String> received = report.scenarioExpectationsNotMet();
        assertThat(received).hasSize(1 + rows.size());
        assertThat(received.get(1)).contains(rows.get(0).id().toString()).contains("observations");
        assertThat(String.join("\n", received)).doesNotContain(CANARY).doesNotContain("clientRef");
        assertThat(rows.get(0).requestJson()).contains(CANARY);
        assertThat(report.filter()).isEqualTo(filter);
    }

    @Test
    void aCandidateThatDoesNotCompileIsRefusedWithItsProblemsAtFileLineAndColumn() throws Exception {
        Path rules = Candidates.copyOfRules(tmp);
        Files.writeString(rules.resolve("plan/broken.drl"), BrokenRules.SYNTAX_ERROR_AT_LINE_6);
        SandboxedReplay sandboxed =
                replay(ReplayProcessMain.class.getName(), Duration.ofMinutes(3), Duration.ofMinutes(5));

        assertThatThrownBy(() ->
                        sandboxed.start(source(Path.of("rules")), source(rules), ScreeningFilter.ALL, Instant.now(), 0))
                .isInstanceOf(KnowledgeBaseException.class)
                .satisfies(e -> assertThat(((KnowledgeBaseException) e).problems())
                        .isNotEmpty()
                        .allSatisfy(p -> assertThat(p.toString()).matches("rules/plan/broken\\.drl:6:\\d+: .+")));
    }

    @Test
    void aProcessThatDoesNotAnswerTheCompileInTimeIsKilledAndTheReplayRefused() {
        SandboxedReplay sandboxed =
                replay(SandboxEndlessMain.class.getName(), Duration.ofSeconds(3), Duration.ofMinutes(1));
        KnowledgeSource current = source(Path.of("rules"));

        assertThatThrownBy(() -> sandboxed.start(current, current, ScreeningFilter.ALL, Instant.now(), 0))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("did not compile the candidate within 3 s");
    }

    @Test
    void aReplayThatOutrunsItsDeadlineEndsWithoutAReportAndSaysWhy() throws IOException {
        KnowledgeSource current = source(Path.of("rules"));
        KnowledgeSource stalling = new KnowledgeSource("probe:stall", current.files());
        try (SandboxedReplay.Child child = replay(
                        ReplayChannelProbeMain.class.getName(), Duration.ofMinutes(1), Duration.ofSeconds(8))
                .start(current, stalling, ScreeningFilter.ALL, Instant.now(), 0)) {
            assertThatThrownBy(() -> child.replay(stored(3).iterator(), n -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the replay's process did not finish within 8 s");
        }
    }
}
