package io.crosscheck.authoring.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the file watch on (as in dev mode), saving a rule file reloads the knowledge base; a broken save does not. */
@QuarkusTest
@TestProfile(RulesWatcherTest.Watching.class)
class RulesWatcherTest {

    @org.junit.jupiter.api.BeforeAll
    static void signIn() {
        io.crosscheck.support.TestUsers.signInAsTester();
    }

    static final KnowledgeBaseCopy KB = KnowledgeBaseCopy.shared("watch-test");

    /** Watches a writable copy of the rules. */
    public static class Watching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "crosscheck.knowledge.rules-dir",
                    KB.rules().toString(),
                    "crosscheck.knowledge.docs-dir",
                    KB.docs().toString(),
                    "crosscheck.knowledge.watch",
                    "true",
                    "crosscheck.knowledge.watch-debounce",
                    "PT0.2S");
        }
    }

    @Inject
    KnowledgeBaseService service;

    @Inject
    io.crosscheck.knowledge.service.KnowledgeBaseRegistry registry;

    @Test
    void savingAValidChangeReloadsAndABrokenSaveKeepsTheCurrentKnowledgeBase() throws Exception {
        String original = service.current().version();
        String patterns = KB.read("rules/reference/patterns.yaml");

        KB.write("rules/reference/patterns.yaml", patterns + "# edited in the editor\n");
        String reloaded = awaitVersionChange(original, Duration.ofSeconds(60));
        assertThat(reloaded).isNotEqualTo(original);

        KB.write(
                "rules/plan/broken.drl",
                "package rules.plan;\nrule \"BRK-001: x\" @id(\"BRK-001\")\nwhen\n  X( == )\nthen\nend\n");
        await("the broken save rejected")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(60))
                .until(() -> registry.recentLoads(1).get(0).outcome, "rejected"::equals);
        var last = registry.recentLoads(1).get(0);
        assertThat(last.outcome).isEqualTo("rejected");
        assertThat(last.loadedBy).isEqualTo("file-watch");
        assertThat(last.problems).contains("rules/plan/broken.drl:4:");
        assertThat(service.current().version()).isEqualTo(reloaded);
        KB.reset();
        // the shipped files again: served again (and active in the database the next test profile starts on)
        awaitServing(original);
    }

    @Test
    void aDocsDirectoryDeletedAndPutBackIsWatchedAgain() {
        String original = service.current().version();
        java.util.UUID before = registry.recentLoads(1).isEmpty()
                ? null
                : registry.recentLoads(1).get(0).id;

        KB.deleteTree("kb-docs");
        await("a load attempt after the docs went")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(60))
                .until(() -> registry.recentLoads(1).get(0).id, id -> !id.equals(before));
        String afterDeletion = service.current().version();

        // the directory comes back as a new inode: its old watch keys are gone
        KB.restoreShipped("kb-docs");
        KB.write("kb-docs/index.md", KB.read("kb-docs/index.md") + "\nEdited after the checkout.\n");
        String reloaded = await("a reload of the edited docs")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(60))
                .until(() -> service.current().version(), v -> !v.equals(original) && !v.equals(afterDeletion));
        assertThat(registry.recentLoads(1).get(0).loadedBy).isEqualTo("file-watch");
        assertThat(reloaded).startsWith("sha256:");

        KB.reset();
        awaitServing(original);
    }

    /** The reset files served again (and active in the database the next test profile starts on). */
    private void awaitServing(String version) {
        await("the reset files served again")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(60))
                .until(() -> service.current().version(), version::equals);
    }

    private String awaitVersionChange(String from, Duration timeout) {
        return await("a reload after the edit")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(100))
                .atMost(timeout)
                .until(() -> service.current().version(), now -> !now.equals(from));
    }
}
