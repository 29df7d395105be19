package io.crosscheck.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosscheck.support.PackagedJar;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling upgrade against one PostgreSQL: the previous application version (its packaged jar, built
 * from the commit before the cluster migrations by .ci/run and named by {@code crosscheck.previous-jar})
 * serves under load while this version's migrations are applied (expand: V40, V41); it keeps answering
 * every request, restarts on the expanded schema (a pod of the old version replaced mid-rollout; it needs
 * {@code QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS=*:future}, which the ConfigMap gives every pod), and
 * serves side by side with a node of this version: screenings written through either are read through
 * the other. Runs in .ci/run's stage "Multi-node test on PostgreSQL".
 */
class RollingUpgradeIT {

    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final String DATABASE = "crosscheck_cluster_upgrade";
    private static final String AUTH = "Basic "
            + Base64.getEncoder()
                    .encodeToString(
                            (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void thePreviousVersionKeepsServingWhileTheNextMigrationsAreAppliedAndThenBesideTheNewVersion() throws Exception {
        Path previous = Path.of(System.getProperty(
                        "crosscheck.previous-jar", "target/previous-version/target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        assertThat(previous)
                .as("the previous version's jar (.ci/run builds it)")
                .exists();
        String url = freshDatabase();
        String user = System.getProperty("crosscheck.db-user", "postgres");

        int oldPort = PackagedJar.freePort();
        Process old = start(previous, "old", url, user, oldPort, false);
        assertThat(appliedVersions(url, user))
                .as("the previous version's schema")
                .noneMatch(v -> v.startsWith("4"));

        // under load on the previous version, the migrations of this version are applied
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < 3; t++) {
            clients.submit(() -> {
                while (running.get()) {
                    String ref = "upgrade-" + next.incrementAndGet();
                    HttpResponse<String> r = post(oldPort, ref);
                    if (r.statusCode() == 201 && get(oldPort, id(r.body())).statusCode() == 200) {
                        answered.incrementAndGet();
                    } else {
                        failures.merge("POST/GET " + r.statusCode(), 1, Integer::sum);
                    }
                }
                return null;
            });
        }
        await("50 screenings answered by the previous version")
                .pollInterval(Duration.ofMillis(50))
                .atMost(Duration.ofMinutes(2))
                .until(() -> answered.get() >= 50);
        int beforeMigration = answered.get();
        MigrateResult migration = Flyway.configure()
                .dataSource(url, user, "")
                .locations("filesystem:"
                        + Path.of("target", "classes", "db", "migration").toAbsolutePath())
                .load()
                .migrate();
        int atMigration = answered.get();
        await("50 more screenings answered after the migration")
                .pollInterval(Duration.ofMillis(50))
                .atMost(Duration.ofMinutes(2))
                .until(() -> answered.get() >= atMigration + 50);
        // the previous version's own knowledge-base reload still works on the expanded schema
        HttpResponse<String> oldReload = send(oldPort, "POST", "/api/v1/knowledge-base/reload");
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(migration.migrations.stream().map(m -> m.version)).contains("40", "41");
        assertThat(oldReload.statusCode()).as(oldReload.body()).isEqualTo(200);

        // a pod of the previous version restarting mid-rollout starts on the expanded schema
        old.destroy();
        assertThat(old.waitFor(60, TimeUnit.SECONDS)).isTrue();
        old = start(previous, "old-restarted", url, user, oldPort, false);

        // and serves beside a node of this version, which also fills the columns the previous version reads (a
        // screening stored once, compressed, since V103: docs/operations.md "Upgrading")
        int newPort = PackagedJar.freePort();
        start(JAR, "new", url, user, newPort, true, "-Dcrosscheck.storage.write-legacy-columns=true");
        String writtenByOld = id(post(oldPort, "upgrade-old").body());
        String writtenByNew = id(post(newPort, "upgrade-new").body());
        int oldReadsNew = get(oldPort, writtenByNew).statusCode();
        int newReadsOld = get(newPort, writtenByOld).statusCode();

        System.out.printf(
                "rolling upgrade: %d screenings answered by the previous version under load (%d before the migrations "
                        + "%s were applied, %d after), %d failed; previous version restarted on the expanded schema; "
                        + "old node reads the new node's screening: %d, new reads old: %d%n",
                answered.get(),
                beforeMigration,
                migration.migrations.stream().map(m -> "V" + m.version).toList(),
                answered.get() - atMigration,
                failures.values().stream().mapToInt(Integer::intValue).sum(),
                oldReadsNew,
                newReadsOld);
        assertThat(failures)
                .as("requests the previous version failed during the migration")
                .isEmpty();
        assertThat(oldReadsNew).isEqualTo(200);
        assertThat(newReadsOld).isEqualTo(200);
    }

    private Process start(Path jar, String name, String url, String user, int port, boolean cluster, String... settings)
            throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path log = dir.resolve("node.log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dcrosscheck.jdbc-url=" + url,
                "-Dcrosscheck.db-user=" + user,
                "-Dcrosscheck.security.initial-admin.password=" + TestUsers.ADMIN_PASSWORD,
                "-Dcrosscheck.security.initial-admin.roles=admin,author,physio",
                "-Dcrosscheck.knowledge.rules-dir=" + knowledgeBaseOf(jar).resolve("rules"),
                "-Dcrosscheck.knowledge.docs-dir=" + knowledgeBaseOf(jar).resolve("kb-docs")));
        cmd.addAll(List.of(settings));
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("CROSSCHECK_AUDIT_KEY", "upgrade-test-audit-key-0123456789");
        // cluster mode needs the session key shared by every node (issue 22: it refuses to start without one)
        pb.environment().put("CROSSCHECK_SESSION_KEY", "upgrade-test-session-key-0123456789abcdef");
        // as the ConfigMap sets for every pod: the previous version, built without it, would refuse to start on
        // a schema with migrations it does not know (Flyway: "applied migration not resolved locally")
        pb.environment().put("QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS", "*:future");
        if (cluster) {
            pb.environment().put("CROSSCHECK_CLUSTER", "true");
        }
        Process p = pb.start();
        started.add(p);
        PackagedJar.awaitReady(p, http, port, log);
        return p;
    }

    /**
     * The knowledge base a version ships with: a pod runs the rules of its own image, and rules written for a
     * newer fact model (the inputs of inputs.yaml, issue 19) do not compile on an older node. The previous
     * version's tree is the one .ci/run extracted beside its jar (target/previous-version); this version's is
     * the working tree.
     */
    private static Path knowledgeBaseOf(Path jar) {
        Path tree = jar.toAbsolutePath().getParent().getParent().getParent();
        return Files.isDirectory(tree.resolve("rules")) && !jar.toAbsolutePath().equals(JAR.toAbsolutePath())
                ? tree
                : Path.of("").toAbsolutePath();
    }

    private static List<String> appliedVersions(String url, String user) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
                var rs = c.createStatement()
                        .executeQuery(
                                "select version from flyway_schema_history where success order by installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private static String freshDatabase() throws Exception {
        String url = System.getProperty("crosscheck.jdbc-url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(
                    "RollingUpgradeIT needs the PostgreSQL build: ./mvnw verify -Ppostgresql -Dit.test=RollingUpgradeIT");
        }
        String server = url.substring(0, url.lastIndexOf('/'));
        String user = System.getProperty("crosscheck.db-user", "postgres");
        try (Connection c = DriverManager.getConnection(server + "/postgres", user, "")) {
            c.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            c.createStatement().execute("create database " + DATABASE);
        }
        return server + "/" + DATABASE;
    }

    /**
     * The article client as both versions accept it: without the health-screen sections (issue 21), which the
     * previous version does not know and refuses as unknown members. The sections are read from this version's
     * inputs.yaml ({@code screen: health}).
     */
    private static final String BOTH_VERSIONS_ACCEPT = withoutHealthScreen(Requests.ARTICLE_DESK_WORKER);

    private static String withoutHealthScreen(String request) {
        try {
            var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var body = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(request);
            for (var section : yaml.readTree(
                            Path.of("rules/reference/inputs.yaml").toFile())
                    .path("sections")) {
                if ("health".equals(section.path("screen").asText())) {
                    body.remove(section.path("code").asText());
                }
            }
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(int port, String clientRef) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/screenings"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", AUTH)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                BOTH_VERSIONS_ACCEPT.replace("pseudo-0001", clientRef)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String id) throws IOException, InterruptedException {
        return send(port, "GET", "/api/v1/screenings/" + id);
    }

    private HttpResponse<String> send(int port, String method, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", AUTH)
                        .timeout(Duration.ofSeconds(120))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String id(String json) {
        int i = json.indexOf("\"id\":\"") + 6;
        return json.substring(i, json.indexOf('"', i));
    }
}
