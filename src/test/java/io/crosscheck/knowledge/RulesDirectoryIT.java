package io.crosscheck.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.KnowledgeBaseCopy;
import io.crosscheck.support.PackagedJar;
import io.crosscheck.support.Requests;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar reads its rules from a directory at start-up: editing a rule file and restarting
 * changes behaviour without a rebuild (each start here has a fresh database, so the directory is its first
 * version, validated); a broken rule stops start-up with file:line:column; with no rules directory the copy
 * packaged in the jar is used. Restarts on one database: {@code LiveVersionAfterRestartIT}.
 */
class RulesDirectoryIT {

    private static final String PASSWORD = io.crosscheck.support.TestUsers.ADMIN_PASSWORD;
    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path tmp;

    /** Stops every process started and waits for it, so that none still writes in the temporary directory. */
    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void editingARuleFileAndRestartingChangesBehaviourWithoutRebuilding() throws Exception {
        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        Server first = start(kb.rules(), kb.docs(), tmp.resolve("first.log"));
        String before = screen(first);
        String versionBefore = field(before, "version");
        first.stop();

        // a new dose for the hip-flexor stretch (and its page): it passes validation, so the fresh database serves it
        io.crosscheck.support.Candidates.hipFlexorHold(kb.rules(), kb.docs(), "20-30", "20 to 30");
        Server second = start(kb.rules(), kb.docs(), tmp.resolve("second.log"));
        String after = screen(second);

        assertThat(before).contains("Static 10-30 s, 2-4 repetitions");
        assertThat(after).contains("Static 20-30 s, 2-4 repetitions").doesNotContain("Static 10-30 s");
        assertThat(field(after, "version")).isNotEqualTo(versionBefore);
    }

    @Test
    void aCompileErrorStopsStartUpWithFileLineAndColumn() throws Exception {
        KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
        Path rules = kb.rules();
        Files.writeString(rules.resolve("plan/broken.drl"), """
                package rules.plan;
                import io.crosscheck.engine.facts.*;

                rule "BRK-001: broken"
                    @id("BRK-001")
                when
                    $f : Finding( code == )
                then
                end
                """);
        Path log = tmp.resolve("broken.log");
        // a first start (no active version yet): on a database of its own, so that nothing serves before it
        Process p = launch(rules, kb.docs(), log, freePort(), freshDatabase());
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("process should exit").isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(Files.readString(log)).containsPattern("rules/plan/broken\\.drl:7:\\d+: ");
    }

    @Test
    void withoutARulesDirectoryThePackagedKnowledgeBaseServes() throws Exception {
        Server server = start(tmp.resolve("no-such-dir"), tmp.resolve("kb-docs"), tmp.resolve("packaged.log"));
        assertThat(screen(server)).contains("\"status\":\"consistent\"");
        assertThat(Files.readString(tmp.resolve("packaged.log"))).contains("packaged:crosscheck-kb");
    }

    private record Server(Process process, int port) {
        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Server start(Path rules, Path docs, Path log) throws Exception {
        int port = freePort();
        Process p = launch(rules, docs, log, port);
        PackagedJar.awaitReady(p, http, port, log, Duration.ofSeconds(180));
        return new Server(p, port);
    }

    private Process launch(Path rules, Path docs, Path log, int port) throws IOException {
        return launch(
                rules, docs, log, port, System.getProperty("crosscheck.jdbc-url", "jdbc:h2:mem:it;DB_CLOSE_DELAY=-1"));
    }

    /**
     * A database no start has used: a new in-memory H2 one, or on PostgreSQL one created (again) for this test beside
     * the run's, whose active version would otherwise serve.
     */
    private static String freshDatabase() {
        String url = System.getProperty("crosscheck.jdbc-url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            return "jdbc:h2:mem:first-start;DB_CLOSE_DELAY=-1";
        }
        String name = "crosscheck_rules_dir_it";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        url, System.getProperty("crosscheck.db-user", "postgres"), "");
                java.sql.Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name);
            st.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the first-start database", e);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    private Process launch(Path rules, Path docs, Path log, int port, String jdbcUrl) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dcrosscheck.knowledge.rules-dir=" + rules,
                "-Dcrosscheck.knowledge.docs-dir=" + docs,
                "-Dcrosscheck.jdbc-url=" + jdbcUrl,
                "-Dcrosscheck.db-user=" + System.getProperty("crosscheck.db-user", "crosscheck"),
                "-Dcrosscheck.security.initial-admin.password=" + PASSWORD,
                "-Dcrosscheck.security.initial-admin.roles=admin,author,physio",
                "-jar",
                JAR.toString()));
        Process p = new ProcessBuilder(cmd)
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(p);
        return p;
    }

    private String screen(Server s) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/api/v1/screenings"))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + java.util.Base64.getEncoder()
                                                .encodeToString(("admin:" + PASSWORD).getBytes()))
                        .POST(HttpRequest.BodyPublishers.ofString(Requests.ARTICLE_DESK_WORKER))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body();
    }

    private static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(i, json.indexOf('"', i));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
