package io.crosscheck.authoring.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Candidates;
import io.crosscheck.support.PackagedJar;
import io.crosscheck.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox from the packaged fast-jar ({@code target/quarkus-app/quarkus-run.jar}), whose class path
 * differs from the tests' (the application and its libraries beside the jar, loaded by Quarkus): a valid
 * proposal is checked in the sandbox and stored, and a proposal whose consequence writes a marker file is
 * rejected without the marker appearing. Without a working class path for the child, the valid one would be
 * rejected too.
 */
// Runs once per CI, on the H2 leg (.ci/run excludes the tag on PostgreSQL): what it checks does not depend on the
// database.
@Tag("once")
class CandidateSandboxIT {

    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process server;

    @TempDir
    Path tmp;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void thePackagedServiceChecksProposalsInTheSandbox() throws Exception {
        int port = PackagedJar.freePort();
        Path log = tmp.resolve("server.log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dcrosscheck.knowledge.rules-dir=" + Path.of("rules").toAbsolutePath(),
                "-Dcrosscheck.knowledge.docs-dir=" + Path.of("kb-docs").toAbsolutePath(),
                "-Dcrosscheck.jdbc-url="
                        + System.getProperty("crosscheck.jdbc-url", "jdbc:h2:mem:it;DB_CLOSE_DELAY=-1"),
                "-Dcrosscheck.db-user=" + System.getProperty("crosscheck.db-user", "crosscheck"),
                "-Dcrosscheck.security.initial-admin.password=" + TestUsers.ADMIN_PASSWORD,
                "-Dcrosscheck.security.initial-admin.roles=admin,author,physio",
                // the sandbox's debug line says whether a check loaded the service's compiled module
                "-Dquarkus.log.category.\"io.crosscheck.authoring.sandbox\".level=DEBUG",
                "-jar",
                JAR.toString()));
        server = new ProcessBuilder(cmd)
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PackagedJar.awaitReady(server, http, port, log, Duration.ofSeconds(300));

        Path valid = Candidates.copyOfRules(Files.createDirectories(tmp.resolve("valid")));
        Files.writeString(
                valid.resolve("reference/patterns.yaml"), "# " + UUID.randomUUID() + "\n", StandardOpenOption.APPEND);
        HttpResponse<String> accepted = propose(port, TestUsers.zip(valid, Path.of("kb-docs")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        // the proposal changes no rule: its check was handed the module the service compiled from the same DRL (the
        // packaged child computes the same cache key as the service), not compiled again
        assertThat(Files.readString(log))
                .containsPattern("Sandboxed check of \\S+ .* valid, rules loaded from the service's compiled module");

        Path marker = tmp.resolve("marker.txt");
        Path hostile = Candidates.copyOfRules(Files.createDirectories(tmp.resolve("hostile")));
        Files.writeString(hostile.resolve("plan/probe.drl"), HostileRules.writing(marker));
        HttpResponse<String> rejected = propose(port, TestUsers.zip(hostile, Path.of("kb-docs")));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(422);
        assertThat(marker).doesNotExist();
        assertThat(Files.readString(log)).contains("rejected, rules compiled in the check");
    }

    private HttpResponse<String> propose(int port, byte[] zip) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/knowledge-base/proposals"))
                        .header("Content-Type", "application/zip")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(("admin:" + TestUsers.ADMIN_PASSWORD).getBytes()))
                        .timeout(Duration.ofMinutes(4))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
