package io.crosscheck.authoring.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only a pass of exactly the same files is reused; a rejection is checked again; the memory is bounded. */
class SandboxPassesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SandboxPasses passes = new SandboxPasses(meters);

    private static KnowledgeSource source(String text) {
        return new KnowledgeSource("test", Map.of("rules/a.drl", text, "kb-docs/a.md", "page"));
    }

    private static CandidateCheck.Outcome outcome(boolean valid) {
        return new CandidateCheck.Outcome(
                "sha256:0",
                true,
                valid,
                valid ? List.of() : List.of(new KnowledgeProblem("rules/a.drl", 1, 1, "x")),
                null);
    }

    @Test
    void aPassIsReusedForTheSameFilesOnlyAndEachLookupIsCounted() {
        passes.remember(source("rule 1"), outcome(true));

        assertThat(passes.earlierPass(source("rule 1"))).isPresent();
        assertThat(passes.earlierPass(source("rule 1 ")))
                .as("one character more")
                .isEmpty();
        assertThat(passes.earlierPass(new KnowledgeSource("test", Map.of("rules/a.drl", "rule 1"))))
                .as("a file fewer")
                .isEmpty();
        assertThat(meters.counter("crosscheck.authoring.sandbox.checks", "how", "reused")
                        .count())
                .isEqualTo(1);
        assertThat(meters.counter("crosscheck.authoring.sandbox.checks", "how", "checked")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aRejectionIsNeverRememberedSoTheCandidateIsCheckedEveryTime() {
        passes.remember(source("broken"), outcome(false));

        assertThat(passes.earlierPass(source("broken"))).isEmpty();
    }

    @Test
    void pathAndTextBoundariesCannotBeShiftedToForgeTheSameDigest() {
        KnowledgeSource one = new KnowledgeSource("test", Map.of("rules/ab", "c"));
        KnowledgeSource other = new KnowledgeSource("test", Map.of("rules/a", "bc"));

        assertThat(SandboxPasses.digest(one))
                .isNotEqualTo(SandboxPasses.digest(other))
                .hasSize(64);
    }

    @Test
    void onlyTheMostRecentPassesAreKept() {
        for (int i = 0; i <= SandboxPasses.CAPACITY; i++) {
            passes.remember(source("rule " + i), outcome(true));
        }

        assertThat(passes.earlierPass(source("rule 0")))
                .as("the oldest is forgotten")
                .isEmpty();
        assertThat(passes.earlierPass(source("rule " + SandboxPasses.CAPACITY))).isPresent();
    }
}
