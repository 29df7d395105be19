package io.crosscheck.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;

/** Hot reload against a writable copy of the rules: validated, atomic, safe under load. */
@QuarkusTest
@TestProfile(KnowledgeBaseReloadTest.EditableRules.class)
class KnowledgeBaseReloadTest {

    @org.junit.jupiter.api.BeforeAll
    static void signIn() {
        io.crosscheck.support.TestUsers.signInAsTester();
    }

    static final KnowledgeBaseCopy KB = KnowledgeBaseCopy.shared("reload-test");

    /** Points the service at the writable copy. */
    public static class EditableRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "crosscheck.knowledge.rules-dir",
                    KB.rules().toString(),
                    "crosscheck.knowledge.docs-dir",
                    KB.docs().toString());
        }
    }

    private static final String BROKEN = """
            package rules.plan;
            import io.crosscheck.engine.facts.*;

            rule "BRK-001: broken"
                @id("BRK-001")
                ruleflow-group "plan"
            when
                $f : Finding( code == )
            then
            end
            """;

    @Inject
    KnowledgeBaseService service;

    @AfterEach
    void restoreShippedRules() {
        KB.reset();
        given().contentType("application/json")
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(200);
    }

    @Test
    void brokenDrlIsRejectedAtFileAndLineWhileTheOldKnowledgeBaseKeepsAnswering() {
        String before = given().get("/api/v1/knowledge-base").then().extract().path("version");
        KB.write("rules/plan/broken.drl", BROKEN);

        given().contentType("application/json")
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("The candidate failed validation; " + before + " keeps serving"))
                .body("errors.field", hasItem(startsWith("rules/plan/broken.drl:8:")));

        given().get("/api/v1/knowledge-base")
                .then()
                .body("version", equalTo(before))
                .body("recentLoads[0].by", equalTo(TestUsers.ADMIN))
                .body("recentLoads[0].outcome", equalTo("rejected"));
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .body("knowledgeBase.version", equalTo(before));
    }

    @Test
    void aValidChangeIsSwappedInRecordedWithItsAuthorAndItsFilesAreRetrievable() {
        KnowledgeBase before = service.current();
        String patterns = KB.read("rules/reference/patterns.yaml") + "# reviewed by bob\n";
        KB.write("rules/reference/patterns.yaml", patterns);

        String version = given().contentType("application/json")
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(true))
                .body("previousVersion", equalTo(before.version()))
                .extract()
                .path("version");

        assertThat(version).isNotEqualTo(before.version());
        given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .body("knowledgeBase.version", equalTo(version));
        given().get("/api/v1/knowledge-base/versions/" + version)
                .then()
                .statusCode(200)
                .body("loads[0].by", equalTo(TestUsers.ADMIN));
        given().get("/api/v1/knowledge-base/versions/" + version + "/files")
                .then()
                .statusCode(200)
                .body("$", hasItem("rules/reference/patterns.yaml"));
        String stored = given().get(
                        "/api/v1/knowledge-base/versions/" + version + "/files/rules/reference/patterns.yaml")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(stored).endsWith("# reviewed by bob\n");
        // the superseded module is gone from the KieRepository once no request holds it
        assertThat(KieServices.Factory.get().getRepository().getKieModule(before.releaseId()))
                .isNull();
    }

    @Test
    void anUploadedArchiveIsValidatedLikeAnyReloadAndItsAuthorIsTheAuthenticatedUser() throws Exception {
        String before = service.current().version();
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("reload-upload");
        java.nio.file.Path rules = io.crosscheck.support.Candidates.copyOfRules(tmp);
        java.nio.file.Files.writeString(
                rules.resolve("reference/patterns.yaml"), "# uploaded\n", java.nio.file.StandardOpenOption.APPEND);
        String version = given().contentType("application/zip")
                .body(TestUsers.zip(rules, KB.docs()))
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(true))
                .extract()
                .path("version");
        assertThat(version).isNotEqualTo(before);
        given().get("/api/v1/knowledge-base")
                .then()
                .body("version", equalTo(version))
                .body("origin", startsWith("archive:sha256:"))
                .body("recentLoads[0].by", equalTo(TestUsers.ADMIN));

        // the version that served before is in the registry and can be put back by name
        given().contentType("application/json")
                .post("/api/v1/knowledge-base/reload?version=" + before)
                .then()
                .statusCode(200)
                .body("version", equalTo(before));

        java.nio.file.Path broken = io.crosscheck.support.Candidates.copyOfRules(tmp.resolve("broken"));
        java.nio.file.Files.writeString(broken.resolve("plan/broken.drl"), BROKEN);
        given().contentType("application/zip")
                .body(TestUsers.zip(broken, KB.docs()))
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(startsWith("rules/plan/broken.drl:8:")));
        given().get("/api/v1/knowledge-base").then().body("version", equalTo(before));
    }

    @Test
    void aRejectedUploadIsAuditedWithItsHashAndProblemCountButNoText() {
        java.time.Instant start = java.time.Instant.now();
        given().contentType("application/zip")
                .body(TestUsers.zip(Map.of("rules/../../evil.drl", "rule \"EVIL\" when then end")))
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(422);

        List<Map<String, Object>> entries = io.crosscheck.support.AuditEntries.since("kb.load.rejected", start);
        assertThat(entries).as("a refused upload leaves an audit entry").hasSize(1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry.get("actor")).isEqualTo(TestUsers.ADMIN);
        assertThat((String) entry.get("subject")).matches("archive:sha256:[0-9a-f]{16}");
        assertThat((String) entry.get("detail")).matches("upload: [1-9]\\d* problem\\(s\\)");
        assertThat(entry.toString()).doesNotContain("EVIL").doesNotContain("evil.drl");
    }

    /**
     * The upload's consequence would write a marker file when it runs: it runs in the sandboxed check, which may
     * write nowhere but its own temporary directory, so no marker appears and the upload is rejected (once the
     * allow-list of ADR 0006 is in, it is refused before compiling: the same assertions hold, see
     * CandidateSandboxTest for the sandbox on its own).
     */
    @Test
    void anUploadedConsequenceRunsInTheSandboxAndCannotWriteOutsideIt() throws Exception {
        java.nio.file.Path marker =
                java.nio.file.Files.createTempDirectory("reload-probe").resolve("marker.txt");
        java.nio.file.Path rules =
                io.crosscheck.support.Candidates.copyOfRules(java.nio.file.Files.createTempDirectory("reload-hostile"));
        java.nio.file.Files.writeString(
                rules.resolve("plan/probe.drl"), io.crosscheck.authoring.sandbox.HostileRules.writing(marker));
        String before = given().get("/api/v1/knowledge-base").then().extract().path("version");

        given().contentType("application/zip")
                .body(TestUsers.zip(rules, KB.docs()))
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");

        assertThat(marker).doesNotExist();
        given().get("/api/v1/knowledge-base").then().body("version", equalTo(before));
    }

    @Test
    void noServerPathIsAcceptedAndHostileArchivesAreRejectedWithoutTouchingTheDisk() {
        given().contentType("application/json")
                .post("/api/v1/knowledge-base/reload?author=mallory")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("author"));
        given().contentType("application/zip")
                .body(TestUsers.zip(Map.of("rules/../../evil.drl", "x", "rules/a.drl", "y")))
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.message", hasItem(startsWith("rules/../../evil.drl: not a relative path")));
        given().contentType("application/zip")
                .body(TestUsers.zip(Map.of("/etc/passwd", "x")))
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(422);
        given().contentType("application/zip")
                .body("not a zip".getBytes())
                .post("/api/v1/knowledge-base/reload")
                .then()
                .statusCode(422);
        given().contentType("application/json")
                .post("/api/v1/knowledge-base/reload?version=sha256:0000000000000000")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("version"));
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("evil.drl")))
                .isFalse();
        assertThat(java.nio.file.Files.exists(KB.rules().getParent().getParent().resolve("evil.drl")))
                .isFalse();
    }

    @Test
    void theRegistryListsEveryRuleWithIdFileLineVersionDocAndGroup() {
        given().get("/api/v1/knowledge-base")
                .then()
                .statusCode(200)
                .body("version", startsWith("sha256:"))
                .body("rules.find { it.id == 'LCS-010' }.file", equalTo("rules/lower_crossed/lcs-findings.drl"))
                .body("rules.find { it.id == 'LCS-010' }.doc", equalTo("kb-docs/rules/LCS-010.md"))
                .body("rules.find { it.id == 'LCS-010' }.group", equalTo("findings"))
                .body("rules.find { it.id == 'SAF-001' }.group", equalTo("safety"));
    }

    /** 50 reloads, or 20 when the heavy suites are left out (-Dcrosscheck.heavy=false, the CI PostgreSQL leg). */
    static final int RELOADS = Boolean.getBoolean("crosscheck.heavy") ? 50 : 20;

    @Test
    void screeningsRunningDuringReloadsHalfOfThemBrokenAllSucceed() throws Exception {
        Set<String> live = java.util.Collections.synchronizedSet(new HashSet<>());
        live.add(service.current().version());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> versionsSeen = new ConcurrentLinkedQueue<>();
        AtomicBoolean reloading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(clients.submit(() -> {
                int n = 0;
                while (reloading.get() || n == 0) {
                    var r = given().contentType(ContentType.JSON)
                            .body(Requests.ARTICLE_DESK_WORKER)
                            .post("/api/v1/screenings")
                            .then()
                            .extract();
                    if (r.statusCode() != 201) {
                        failures.add(r.statusCode() + " " + r.asString());
                    } else {
                        versionsSeen.add(r.path("knowledgeBase.version"));
                    }
                    n++;
                }
                return n;
            }));
        }
        int accepted = 0;
        int rejected = 0;
        try {
            String patterns = KB.read("rules/reference/patterns.yaml");
            for (int i = 0; i < RELOADS; i++) {
                if (i % 2 == 0) {
                    KB.write("rules/plan/broken.drl", BROKEN);
                    int status = given().contentType("application/json")
                            .post("/api/v1/knowledge-base/reload")
                            .statusCode();
                    assertThat(status).isEqualTo(422);
                    rejected++;
                    KB.delete("rules/plan/broken.drl");
                } else {
                    KB.write("rules/reference/patterns.yaml", patterns + "# revision " + i + "\n");
                    String version = given().contentType("application/json")
                            .post("/api/v1/knowledge-base/reload")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("version");
                    live.add(version);
                    accepted++;
                }
            }
        } finally {
            reloading.set(false);
        }
        int screenings = 0;
        for (Future<Integer> w : workers) {
            screenings += w.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();

        assertThat(failures).isEmpty();
        assertThat(accepted).isEqualTo(RELOADS / 2);
        assertThat(rejected).isEqualTo(RELOADS / 2);
        assertThat(screenings).isGreaterThanOrEqualTo(4);
        assertThat(live).containsAll(new HashSet<>(versionsSeen));
        System.out.printf(
                "reload test: %d screenings during %d accepted and %d rejected reloads, on %d versions%n",
                screenings, accepted, rejected, new HashSet<>(versionsSeen).size());
    }
}
