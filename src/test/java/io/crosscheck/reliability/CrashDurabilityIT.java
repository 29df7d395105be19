package io.crosscheck.reliability;

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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 under load: six clients post screenings (each with its own client reference and
 * Idempotency-Key) to the packaged jar; the process is killed with SIGKILL mid-run and started again
 * on the same database. Every screening answered 201 must be there; no stored screening may belong to
 * a request never sent (phantom), and retrying the requests whose answer was lost, with the same
 * key, must not store a second one. Runs on the default H2 file database, or on PostgreSQL when the
 * build is the PostgreSQL one (its test URL is passed through).
 */
class CrashDurabilityIT {

    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final String AUTH = "Basic "
            + Base64.getEncoder()
                    .encodeToString(
                            (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void noScreeningAnswered201IsLostAndNoneAppearsThatWasNotSentWhenTheProcessIsKilledUnderLoad() throws Exception {
        String pg = System.getProperty("crosscheck.jdbc-url", "");
        boolean postgres = pg.startsWith("jdbc:postgresql:");
        String url = postgres
                ? pg
                : "jdbc:h2:file:" + tmp.resolve("data/crosscheck").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        String user = System.getProperty("crosscheck.db-user", "crosscheck");
        String run = "crash-" + Long.toHexString(System.nanoTime());

        int port = PackagedJar.freePort();
        Process first = launch(url, user, port, tmp.resolve("first.log"));
        PackagedJar.awaitReady(first, http, port, tmp.resolve("first.log"));

        Map<String, String> answered = new ConcurrentHashMap<>(); // key -> screening id (201)
        Set<String> sent = ConcurrentHashMap.newKeySet(); // every key whose request left the client
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            clients.submit(() -> {
                while (running.get()) {
                    String key = run + "-" + next.incrementAndGet();
                    sent.add(key);
                    try {
                        HttpResponse<String> r = post(port, key);
                        if (r.statusCode() == 201) {
                            answered.put(key, id(r.body()));
                        }
                    } catch (IOException | InterruptedException e) {
                        return null; // the server died under us
                    }
                }
                return null;
            });
        }
        // the load runs at least 4 s, and until 100 screenings are acknowledged
        await("100 screenings acknowledged under load")
                .pollDelay(Duration.ofSeconds(4))
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofMinutes(2))
                .until(() -> answered.size() >= 100);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        first.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);

        Process second = launch(url, user, port, tmp.resolve("second.log"));
        PackagedJar.awaitReady(second, http, port, tmp.resolve("second.log"));
        // the requests whose answer was lost are retried with their key (what a client would do)
        Map<String, HttpResponse<String>> retries = new HashMap<>();
        try {
            for (String key : sent) {
                if (!answered.containsKey(key)) {
                    retries.put(key, post(port, key));
                }
            }
        } finally {
            second.destroy(); // a clean stop, so the embedded H2 file can be opened here
            second.waitFor(60, TimeUnit.SECONDS);
        }
        Map<String, List<String>> stored = stored(url, user, run);
        List<String> lost = answered.entrySet().stream()
                .filter(e -> !stored.getOrDefault(e.getKey(), List.of()).contains(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        List<String> phantoms =
                stored.keySet().stream().filter(k -> !sent.contains(k)).toList();
        List<String> doubles = stored.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .toList();
        long replayed =
                retries.values().stream().filter(r -> r.statusCode() == 200).count();
        List<String> retryMismatch = retries.entrySet().stream()
                .filter(e -> e.getValue().statusCode() == 200
                        && !stored.get(e.getKey()).contains(id(e.getValue().body())))
                .map(Map.Entry::getKey)
                .toList();

        System.out.printf(
                "crash test (%s): %d requests sent, %d answered 201 before kill -9; after restart lost %d, phantoms %d; "
                        + "%d unanswered retried with their key (%d already stored and returned, %d new), duplicates %d%n",
                postgres ? "PostgreSQL" : "H2 file",
                sent.size(),
                answered.size(),
                lost.size(),
                phantoms.size(),
                retries.size(),
                replayed,
                retries.size() - replayed,
                doubles.size());
        assertThat(retries.values()).allMatch(r -> r.statusCode() == 200 || r.statusCode() == 201);
        assertThat(lost).as("answered 201 but gone after the crash").isEmpty();
        assertThat(phantoms).as("stored but never sent").isEmpty();
        assertThat(doubles).as("two screenings for one idempotency key").isEmpty();
        assertThat(retryMismatch).isEmpty();
        assertThat(stored.keySet()).containsAll(sent);
    }

    private HttpResponse<String> post(int port, String key) throws IOException, InterruptedException {
        String body = Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", key);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/screenings"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", AUTH)
                        .header("Idempotency-Key", key)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** client reference (= key) -> stored screening ids, for this run. */
    private static Map<String, List<String>> stored(String url, String user, String run) throws Exception {
        Map<String, List<String>> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
                ResultSet rs = c.createStatement()
                        .executeQuery("select client_ref, id from screening where client_ref like '" + run + "-%'")) {
            while (rs.next()) {
                rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return rows;
    }

    private Process launch(String url, String user, int port, Path log) throws IOException {
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dcrosscheck.jdbc-url=" + url,
                "-Dcrosscheck.db-user=" + user,
                "-Dcrosscheck.security.initial-admin.password=" + TestUsers.ADMIN_PASSWORD,
                "-Dcrosscheck.security.initial-admin.roles=admin,author,physio",
                "-Dcrosscheck.knowledge.rules-dir=" + Path.of("rules").toAbsolutePath(),
                "-Dcrosscheck.knowledge.docs-dir=" + Path.of("kb-docs").toAbsolutePath(),
                "-jar",
                JAR.toString());
        return new ProcessBuilder(cmd)
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String id(String json) {
        int i = json.indexOf("\"id\":\"") + 6;
        return json.substring(i, json.indexOf('"', i));
    }
}
