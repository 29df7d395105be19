package io.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.audit.AuditChain;
import io.crosscheck.support.BrokenRules;
import io.crosscheck.support.Candidates;
import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.PackagedJar;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped scripts run as separate processes against the packaged application (after
 * {@code package}, so no Maven is in their loop): {@code bin/validate-rules} and {@code bin/replay}
 * on the shipped rules, on a broken copy and with bad arguments, checking exit codes and the
 * {@code file:line:column:} lines a rule author's editor jumps to.
 *
 * <p>Every test but the one of {@code bin/serve} works on the shipped rules or an H2 file database of its own
 * whichever database the service was built for, so they are tagged {@code once} and run on CI's H2 leg only;
 * {@code bin/serve} starts the service on the build's database and runs on both legs.
 */
class CommandLineScriptsIT {

    @TempDir
    static Path tmp;

    static String databaseUrl;

    @BeforeAll
    static void storeTwoScreeningsInAnH2FileDatabase() throws Exception {
        databaseUrl = "jdbc:h2:file:" + tmp.resolve("db/crosscheck").toAbsolutePath();
        Flyway.configure()
                .dataSource(databaseUrl, "crosscheck", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection db = DriverManager.getConnection(databaseUrl, "crosscheck", "");
                PreparedStatement insert =
                        db.prepareStatement("insert into screening (id, client_ref, created_at, kb_version, "
                                + "request_json, result_json, explanation_json) values (?, ?, ?, ?, ?, ?, ?)")) {
            String[] requests = {Requests.ARTICLE_DESK_WORKER, Requests.ARTICLE_WITH_SADDLE_NUMBNESS};
            for (int i = 0; i < requests.length; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "pseudo-0001");
                insert.setObject(3, OffsetDateTime.of(2025, 3, 1, 9, i, 0, 0, ZoneOffset.UTC));
                insert.setString(4, RuleHarness.shipped().knowledgeBase().version());
                insert.setString(5, requests[i]);
                insert.setString(6, "{}");
                insert.setString(7, "{}");
                insert.executeUpdate();
            }
        }
    }

    @Test
    @Tag("once")
    void validateRulesExitsZeroOnTheShippedRules() throws Exception {
        Run run = run("bin/validate-rules");
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out)
                .contains(" passed, 0 failed")
                .contains("rule coverage 100.0 %")
                .contains("is valid");
        assertThat(run.err).as("nothing but problems goes to stderr").isEmpty();
    }

    @Test
    @Tag("once")
    void validateRulesExitsOneWithFileLineAndColumnOnABrokenCopy() throws Exception {
        Path rules = Candidates.copyOfRules(tmp.resolve("broken"));
        Files.writeString(rules.resolve("plan/broken.drl"), BrokenRules.SYNTAX_ERROR_AT_LINE_6);
        Run run = run("bin/validate-rules", "--rules", rules.toString());
        assertThat(run.status).isEqualTo(1);
        assertThat(run.err).containsPattern("(?m)^rules/plan/broken\\.drl:6:\\d+: ");
        assertThat(run.out).contains("knowledge base rejected");
    }

    @Test
    @Tag("once")
    void validateRulesWritesTheRuleToScenariosIndexOnRequest() throws Exception {
        Path index = tmp.resolve("rule-index.md");
        Run run = run("bin/validate-rules", "--index", index.toString());
        assertThat(run.status).as(run.err).isZero();
        assertThat(Files.readString(index))
                .contains("| PAT-001 |")
                .contains("rules/scenarios/article-desk-worker.yaml");
    }

    @Test
    @Tag("once")
    void scriptsExitTwoOnAUsageError() throws Exception {
        Run unknown = run("bin/validate-rules", "--rulez", "x");
        assertThat(unknown.status).isEqualTo(2);
        assertThat(unknown.err).contains("Unknown options: '--rulez'").contains("Possible solutions: --rules");
        Run trailing = run("bin/replay", "--rules");
        assertThat(trailing.status).isEqualTo(2);
        assertThat(trailing.err).contains("Missing required parameter for option '--rules'");
        Run help = run("bin/crosscheck", "--help");
        assertThat(help.status).isZero();
        assertThat(help.out).contains("validate").contains("replay");
    }

    @Test
    @Tag("once")
    void newRuleScaffoldsARuleWhoseOnlyProblemsAreTheTodosLeftToFillIn() throws Exception {
        KnowledgeBaseCopy copy = KnowledgeBaseCopy.create();
        String[] dirs = {
            "--rules", copy.rules().toString(), "--docs", copy.docs().toString()
        };
        Run scaffold = run(concat(
                new String[] {
                    "bin/crosscheck",
                    "new-rule",
                    "--family",
                    "UCS",
                    "--stage",
                    "findings",
                    "--title",
                    "Head tilt on the test"
                },
                dirs));
        assertThat(scaffold.status).as(scaffold.err).isZero();
        assertThat(scaffold.out).contains("scaffolded UCS-").contains("rules/upper_crossed/ucs-findings.drl");

        // as the scaffold says: the index is generated, so the author lets validation rewrite it
        assertThat(scaffold.out).contains("bin/crosscheck validate --fix-index");
        Run validate = run(concat(new String[] {"bin/validate-rules", "--fix-index"}, dirs));
        assertThat(validate.status).isEqualTo(1);
        assertThat(validate.out)
                .contains("kb-docs/index.md: generated blocks rewritten")
                .contains(" passed, 0 failed")
                .contains("rule coverage 100.0 %");
        assertThat(validate.err.lines().toList())
                .isNotEmpty()
                // the placeholders' own mark (a long line is quoted shortened, so its TODO may fall outside the quote)
                .allMatch(line -> line.matches("\\S+:\\d+:\\d+: not filled in: .*"));
    }

    @Test
    @Tag("once")
    void factModelPrintsTheCommittedReference() throws Exception {
        Run run = run("bin/crosscheck", "fact-model");
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out).isEqualTo(Files.readString(Path.of("docs/fact-model.md")));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    @Tag("once")
    void replayPrintsTheImpactOfACandidateOnAStoredDatabase() throws Exception {
        Path candidate = Candidates.withLcsConsistentMinFindings(tmp.resolve("candidate"), 4);
        Run run = run("bin/replay", "--rules", candidate.toString(), "--jdbc-url", databaseUrl + ";ACCESS_MODE_DATA=r");
        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out).contains("2 evaluated").contains("LCS consistent->partial");
    }

    @Test
    @Tag("once")
    void replayExitsOneWithFileLineAndColumnWhenTheCandidateDoesNotCompile() throws Exception {
        Path rules = Candidates.copyOfRules(tmp.resolve("broken-candidate"));
        Files.writeString(rules.resolve("plan/broken.drl"), BrokenRules.SYNTAX_ERROR_AT_LINE_6);
        Run run = run("bin/replay", "--rules", rules.toString(), "--jdbc-url", databaseUrl + ";ACCESS_MODE_DATA=r");
        assertThat(run.status).isEqualTo(1);
        assertThat(run.err).containsPattern("(?m)^rules/plan/broken\\.drl:6:\\d+: ");
    }

    @Test
    @Tag("once")
    void auditCheckExitsZeroOnAnIntactChainAndOneNamingTheFirstEditedEntry() throws Exception {
        String url = "jdbc:h2:file:" + tmp.resolve("audit-db/crosscheck").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, "crosscheck", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Path keyFile = tmp.resolve("audit.key");
        Files.writeString(keyFile, "cli-test-audit-key-0123456789abcdef");
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "");
                PreparedStatement insert =
                        db.prepareStatement("insert into audit_entry (id, recorded_at, actor, clinic_id, action, "
                                + "subject) values (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 5; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, OffsetDateTime.of(2026, 11, 29, 9, i, 0, 0, ZoneOffset.UTC));
                insert.setString(3, "physio-" + i);
                insert.setString(4, "default");
                insert.setString(5, "screening.read");
                insert.setString(6, UUID.randomUUID().toString());
                insert.executeUpdate();
            }
            db.setAutoCommit(false);
            new AuditChain(Files.readString(keyFile).getBytes(StandardCharsets.UTF_8)).seal(db, 100);
            db.commit();
        }

        Run intact = run(
                "bin/crosscheck",
                "audit-check",
                "--jdbc-url",
                url,
                "--key-file",
                keyFile.toString(),
                "--checkpoint-file",
                tmp.resolve("no-audit-head").toString());
        assertThat(intact.status).as(intact.err).isZero();
        assertThat(intact.out).contains("audit chain intact: 5 sealed entries");

        try (Connection db = DriverManager.getConnection(url, "crosscheck", "")) {
            db.createStatement().executeUpdate("update audit_entry set actor = 'someone-else' where seq = 3");
        }
        Run broken = run(
                "bin/crosscheck",
                "audit-check",
                "--jdbc-url",
                url,
                "--key-file",
                keyFile.toString(),
                "--checkpoint-file",
                tmp.resolve("no-audit-head").toString());
        assertThat(broken.status).isEqualTo(1);
        assertThat(broken.out).contains("audit chain BROKEN at entry 3");
    }

    @Test
    void serveStartsThePackagedServiceWithItsJvmDefaultsAndItAnswersHealthProbes() throws Exception {
        Run flags = run("bin/serve", "--print-jvm-flags");
        assertThat(flags.status).isZero();
        assertThat(flags.out).contains("-XX:+UseSerialGC").contains("-Xmx256m");

        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = tmp.resolve("serve.log");
        // the build's own database kind: an in-memory H2, or the PostgreSQL build's test database
        String pg = System.getProperty("crosscheck.jdbc-url", "");
        String url = pg.startsWith("jdbc:postgresql:") ? pg : "jdbc:h2:mem:serve-test;DB_CLOSE_DELAY=-1";
        Process serve = new ProcessBuilder(
                        "bin/serve",
                        "-Dquarkus.http.port=" + port,
                        "-Dcrosscheck.jdbc-url=" + url,
                        "-Dcrosscheck.db-user=" + System.getProperty("crosscheck.db-user", "crosscheck"),
                        "-Dcrosscheck.audit.key-file=" + tmp.resolve("serve-audit.key"),
                        "-Dcrosscheck.audit.checkpoint-file=" + tmp.resolve("serve-audit-head"))
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            PackagedJar.awaitReady(serve, http, port, log);
            // the JVM defaults reached the service's JVM
            assertThat(ProcessHandle.of(serve.pid())
                            .flatMap(h -> h.info().arguments())
                            .map(List::of)
                            .orElse(List.of()))
                    .contains("-XX:+UseSerialGC", "-Xmx256m", "-XX:CICompilerCount=3");
            int anonymous = http.send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/vocabulary"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertThat(anonymous).isEqualTo(401);
        } finally {
            serve.destroy();
            serve.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private record Run(int status, String out, String err) {}

    private static Run run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
