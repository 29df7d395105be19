package io.crosscheck.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.support.Candidates;
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
import java.nio.file.StandardOpenOption;
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
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the packaged service, each on a free port with a data directory of its own, in cluster
 * mode on one PostgreSQL database ({@code crosscheck_cluster_it}, dropped and created here): a reload on
 * one is served by both (the convergence time is printed), screenings written through either are read
 * through both and refused to another clinic on both, a replay started on one is followed from the
 * other, and one node killed with SIGKILL under load loses no acknowledged screening while its running
 * replay is marked failed by the other. The audit chain, sealed by both nodes, checks out.
 *
 * <p>Needs the PostgreSQL build ({@code -Ppostgresql}); .ci/run runs it once, in its stage "Multi-node
 * test on PostgreSQL" ({@code -Dit.test=ClusterIT}); the default failsafe run leaves it out.
 */
class ClusterIT {

    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final String DATABASE = "crosscheck_cluster_it";
    private static final String PASSWORD = "cluster-test-password";
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
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
    void twoNodesOnOneDatabaseServeOneKnowledgeBaseShareScreeningsAndJobsAndLoseNothingWhenOneIsKilled()
            throws Exception {
        String url = freshDatabase();
        String user = System.getProperty("crosscheck.db-user", "postgres");
        int portA = PackagedJar.freePort();
        Node a = start("node-a", url, user, portA);
        int portB = PackagedJar.freePort();
        Node b = start("node-b", url, user, portB);

        // users of two clinics, created through node A, sign in on node B
        for (String clinic : List.of("clinic-a", "clinic-b")) {
            send(
                    a,
                    "POST",
                    "/api/v1/admin/clinics",
                    admin(),
                    "application/json",
                    "{\"id\":\"" + clinic + "\",\"name\":\"" + clinic + "\"}");
            HttpResponse<String> created = send(
                    a,
                    "POST",
                    "/api/v1/admin/users",
                    admin(),
                    "application/json",
                    "{\"username\":\"" + clinic + "-user\",\"password\":\"" + PASSWORD
                            + "\",\"roles\":[\"physio\",\"author\"],\"clinic\":\"" + clinic + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        String clinicA = basic("clinic-a-user", PASSWORD);
        String clinicB = basic("clinic-b-user", PASSWORD);

        // screenings written through either node are read through both, and only by their clinic
        String viaA = id(post(a, clinicA, "cluster-1", null));
        String viaB = id(post(b, clinicA, "cluster-2", null));
        for (Node node : List.of(a, b)) {
            for (String id : List.of(viaA, viaB)) {
                assertThat(send(node, "GET", "/api/v1/screenings/" + id, clinicA, null, null)
                                .statusCode())
                        .isEqualTo(200);
                assertThat(send(node, "GET", "/api/v1/screenings/" + id, clinicB, null, null)
                                .statusCode())
                        .as("clinic B reading clinic A's screening on " + node.name)
                        .isEqualTo(404);
            }
        }

        // one Idempotency-Key sent to both nodes at once: one screening, both answers name it
        java.util.concurrent.CompletableFuture<HttpResponse<String>> onA =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> unchecked(() -> post(a, clinicA, "cluster-idem", "cluster-same-key")));
        java.util.concurrent.CompletableFuture<HttpResponse<String>> onB =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> unchecked(() -> post(b, clinicA, "cluster-idem", "cluster-same-key")));
        assertThat(id(onA.get())).isEqualTo(id(onB.get()));
        assertThat(List.of(onA.get().statusCode(), onB.get().statusCode())).contains(201);

        // a rule change reloaded on A is served by B within seconds; a roll back on B is served by A
        String v1 = version(a);
        assertThat(version(b)).isEqualTo(v1);
        Path rules = Candidates.copyOfRules(tmp.resolve("candidate"));
        Files.writeString(
                rules.resolve("lower_crossed/lcs-findings.drl"),
                "\n// cluster test: a comment, a new version\n",
                StandardOpenOption.APPEND);
        HttpResponse<String> reload = send(
                a,
                "POST",
                "/api/v1/knowledge-base/reload",
                clinicA,
                "application/zip",
                TestUsers.zip(rules, Path.of("kb-docs")));
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        String v2 = json.readTree(reload.body()).get("version").asText();
        assertThat(v2).isNotEqualTo(v1);
        long forward = converge(b, v2);
        assertThat(json.readTree(post(b, clinicA, "cluster-3", null).body())
                        .at("/knowledgeBase/version")
                        .asText())
                .isEqualTo(v2);
        HttpResponse<String> back = send(b, "POST", "/api/v1/knowledge-base/reload?version=" + v1, clinicA, null, null);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        long rollback = converge(a, v1);
        System.out.printf(
                "cluster convergence: reload of a rule change on node A served by node B after %d ms; "
                        + "roll back on node B served by node A after %d ms (poll interval 1 s)%n",
                forward, rollback);

        // load on both nodes; a replay runs on A; A is killed with SIGKILL in the middle of it all
        String run = "cl-" + Long.toHexString(System.nanoTime());
        Map<String, String> answered = new ConcurrentHashMap<>(); // key -> screening id (201)
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            Node target = t < 4 ? a : b;
            clients.submit(() -> {
                while (running.get()) {
                    String key = run + "-" + next.incrementAndGet();
                    try {
                        HttpResponse<String> r = post(target, clinicA, key, key);
                        if (r.statusCode() == 201) {
                            answered.put(key, json.readTree(r.body()).get("id").asText());
                        }
                    } catch (IOException | InterruptedException e) {
                        if (target == b) {
                            throw e;
                        }
                        Thread.sleep(50); // node A is gone
                    }
                }
                return null;
            });
        }
        await("300 screenings within two minutes")
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(120))
                .until(() -> answered.size() >= 300);
        HttpResponse<String> replay = send(
                a,
                "POST",
                "/api/v1/knowledge-base/replays",
                clinicA,
                "application/json",
                "{\"candidateVersion\":\"" + v2 + "\"}");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        String job = json.readTree(replay.body()).get("id").asText();
        HttpResponse<String> seenFromB = send(b, "GET", "/api/v1/knowledge-base/replays/" + job, clinicA, null, null);
        assertThat(seenFromB.statusCode())
                .as("a replay started on A, read on B")
                .isEqualTo(200);
        assertThat(send(b, "GET", "/api/v1/knowledge-base/replays/" + job, clinicB, null, null)
                        .statusCode())
                .as("another clinic's replay")
                .isEqualTo(404);
        String stateAtKill = json.readTree(seenFromB.body()).get("state").asText();
        a.process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        a.process.waitFor(30, TimeUnit.SECONDS);
        int answeredAtKill = answered.size();
        Thread.sleep(1500); // B keeps taking screenings alone
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, String> e : answered.entrySet()) {
            if (send(b, "GET", "/api/v1/screenings/" + e.getValue(), clinicA, null, null)
                            .statusCode()
                    != 200) {
                lost.add(e.getKey());
            }
        }
        // the killed node's replay: failed (no heartbeat) or, had it finished first, done; never running forever
        long waitedFor = System.nanoTime();
        String finalState = await("the killed node's replay no longer running on node B")
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> json.readTree(send(b, "GET", "/api/v1/knowledge-base/replays/" + job, clinicA, null, null)
                                        .body())
                                .get("state")
                                .asText(),
                        state -> !"running".equals(state));
        JsonNode audit = json.readTree(
                send(b, "GET", "/api/v1/admin/audit/check", admin(), null, null).body());
        System.out.printf(
                "cluster kill test: %d screenings acknowledged (%d before node A was killed with SIGKILL), %d not "
                        + "readable through node B; replay %s was %s at the kill and is %s on node B after %.1f s; audit chain valid: %s (%s entries)%n",
                answered.size(),
                answeredAtKill,
                lost.size(),
                job,
                stateAtKill,
                finalState,
                (System.nanoTime() - waitedFor) / 1e9,
                audit.get("valid"),
                audit.get("entries"));
        assertThat(lost)
                .as("acknowledged screenings missing after node A was killed")
                .isEmpty();
        assertThat(finalState).isIn("failed", "done");
        if ("running".equals(stateAtKill)) {
            assertThat(finalState).as("a replay whose node died").isEqualTo("failed");
        }
        assertThat(audit.get("valid").asBoolean()).as(audit.toString()).isTrue();
    }

    private record Node(String name, int port, Process process, Path log) {}

    private Node start(String name, String url, String user, int port) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path log = dir.resolve("node.log");
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dcrosscheck.jdbc-url=" + url,
                "-Dcrosscheck.db-user=" + user,
                "-Dcrosscheck.security.initial-admin.password=" + TestUsers.ADMIN_PASSWORD,
                "-Dcrosscheck.security.initial-admin.roles=admin,author,physio",
                "-Dcrosscheck.knowledge.rules-dir=" + Path.of("rules").toAbsolutePath(),
                "-Dcrosscheck.knowledge.docs-dir=" + Path.of("kb-docs").toAbsolutePath(),
                "-Dcrosscheck.replay.stale-after=5S",
                "-Dcrosscheck.replay.heartbeat-interval=1S",
                "-jar",
                JAR.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("CROSSCHECK_CLUSTER", "true");
        pb.environment().put("CROSSCHECK_NODE_NAME", name);
        pb.environment().put("CROSSCHECK_AUDIT_KEY", "cluster-test-audit-key-0123456789");
        pb.environment().put("CROSSCHECK_SESSION_KEY", "cluster-test-session-key-0123456789abcdef");
        Process p = pb.start();
        started.add(p);
        PackagedJar.awaitReady(p, http, port, log);
        return new Node(name, port, p, log);
    }

    /** Drops and creates the test's own database next to the build's PostgreSQL test database. */
    private static String freshDatabase() throws Exception {
        String url = System.getProperty("crosscheck.jdbc-url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(
                    "ClusterIT needs the PostgreSQL build: ./mvnw verify -Ppostgresql -Dit.test=ClusterIT");
        }
        String server = url.substring(0, url.lastIndexOf('/'));
        String user = System.getProperty("crosscheck.db-user", "postgres");
        try (Connection c = DriverManager.getConnection(server + "/postgres", user, "")) {
            c.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            c.createStatement().execute("create database " + DATABASE);
        }
        return server + "/" + DATABASE;
    }

    /** Milliseconds until {@code node} serves {@code version}. */
    private long converge(Node node, String version) throws Exception {
        long from = System.nanoTime();
        try {
            await(node.name + " serves " + version)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> version(node), version::equals);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(node.name + " never served " + version + ": " + Files.readString(node.log), e);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - from);
    }

    private String version(Node node) throws Exception {
        return json.readTree(send(node, "GET", "/api/v1/knowledge-base/active", admin(), null, null)
                        .body())
                .get("servingHere")
                .asText();
    }

    private HttpResponse<String> post(Node node, String auth, String clientRef, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port + "/api/v1/screenings"))
                .header("Content-Type", "application/json")
                .header("Authorization", auth)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", clientRef)));
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(Node node, String method, String path, String auth, String type, Object body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] bytes
                        ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                        : HttpRequest.BodyPublishers.ofString((String) body);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + path))
                .header("Authorization", auth)
                .timeout(Duration.ofSeconds(120))
                .method(method, publisher);
        if (type != null) {
            r.header("Content-Type", type);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String admin() {
        return basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String id(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return json.readTree(r.body()).get("id").asText();
    }
}
