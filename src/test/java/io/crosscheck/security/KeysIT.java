package io.crosscheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.PackagedJar;
import io.crosscheck.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service's keys in production mode (issue 22). Without CROSSCHECK_SESSION_KEY and CROSSCHECK_AUDIT_KEY
 * it generates both once into owner-only files in the service user's configuration directory (outside the data
 * directory, where the database is) and logs neither; a session key shorter than 32 characters, a key file inside the
 * data directory, and cluster mode without a shared session key are refused at start-up with a message naming the
 * setting. Each start runs in a directory of its own with its own home directory and H2 file database; keys are the
 * same whatever the database, so the PostgreSQL leg (whose jar cannot open H2) leaves this out (tag h2-server).
 */
@Tag("h2-server")
class KeysIT {

    private static final Path JAR = Path.of(System.getProperty(
                    "crosscheck.packaged-jar",
                    Path.of("target", "quarkus-app", "quarkus-run.jar").toString()))
            .toAbsolutePath();

    @TempDir
    Path tmp;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withoutKeysTheServiceGeneratesOwnerOnlyKeyFilesOutsideTheDataDirectoryAndLogsNoKey() throws Exception {
        int port = PackagedJar.freePort();
        Path log = tmp.resolve("service.log");
        Process p = start(port, log, Map.of());
        try {
            PackagedJar.awaitReady(p, http, port, log);
            HttpResponse<Void> login = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/j_security_check"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "j_username=" + TestUsers.ADMIN + "&j_password=" + TestUsers.ADMIN_PASSWORD))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(login.headers().allValues("Set-Cookie"))
                    .as("the login form issues a session")
                    .anyMatch(c -> c.startsWith("crosscheck-session="));
        } finally {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
        Path keys = tmp.resolve("home/.config/crosscheck");
        for (String name : List.of("session.key", "audit.key")) {
            Path file = keys.resolve(name);
            assertThat(file).as(name).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(name)
                    .isEqualTo("rw-------");
            String key = Files.readString(file).trim();
            assertThat(key).hasSizeGreaterThanOrEqualTo(64);
            assertThat(Files.readString(log)).as("the log holds no " + name).doesNotContain(key);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
                .isEqualTo("rwx------");
        assertThat(tmp.resolve("work/data/audit.key")).doesNotExist();
        assertThat(Files.readString(log)).doesNotContain("temporary key").doesNotContain(TestUsers.ADMIN_PASSWORD);
    }

    @Test
    void aShortSessionKeyAndClusterModeWithoutOneAreRefusedNamingCrosscheckSessionKey() throws Exception {
        String shortKey = "short-session-key-0123456";
        Refused tooShort = refused(Map.of("CROSSCHECK_SESSION_KEY", shortKey));
        assertThat(tooShort.output)
                .contains("CROSSCHECK_SESSION_KEY")
                .contains("at least 32")
                .doesNotContain(shortKey);

        Refused cluster = refused(
                Map.of("CROSSCHECK_CLUSTER", "true", "CROSSCHECK_AUDIT_KEY", "keys-it-audit-key-0123456789abcdef"));
        assertThat(cluster.output).contains("CROSSCHECK_SESSION_KEY");
    }

    @Test
    void keyFilesInsideTheDataDirectoryAreRefused() throws Exception {
        Refused audit = refused(Map.of(), "-Dcrosscheck.audit.key-file=data/audit.key");
        assertThat(audit.output).contains("inside the data directory").contains("crosscheck.audit.key-file");
        assertThat(tmp.resolve("work/data/audit.key")).doesNotExist();

        Refused session = refused(Map.of(), "-Dcrosscheck.security.session-key-file=data/keys/session.key");
        assertThat(session.output)
                .contains("inside the data directory")
                .contains("crosscheck.security.session-key-file");
        assertThat(tmp.resolve("work/data/keys/session.key")).doesNotExist();
    }

    private record Refused(int exit, String output) {}

    private Refused refused(Map<String, String> env, String... options) throws Exception {
        Path log = Files.createTempFile(tmp, "refused", ".log");
        int port = PackagedJar.freePort();
        Process p = start(port, log, env, options);
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > until || ready(port)) {
                p.destroyForcibly();
                throw new AssertionError("the service started although it should refuse: " + Files.readString(log));
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isNotZero();
        return new Refused(p.exitValue(), output);
    }

    private boolean ready(int port) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (Exception notListening) {
            return false;
        }
    }

    private Process start(int port, Path log, Map<String, String> env, String... options) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(tmp.resolve("home"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + tmp.resolve("home"),
                "-Dquarkus.http.port=" + port,
                "-Dcrosscheck.jdbc-url=jdbc:h2:file:" + work.resolve("data/crosscheck") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dcrosscheck.security.initial-admin.roles=admin,author,physio",
                "-Dcrosscheck.knowledge.rules-dir=" + Path.of("rules").toAbsolutePath(),
                "-Dcrosscheck.knowledge.docs-dir=" + Path.of("kb-docs").toAbsolutePath()));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("CROSSCHECK_SESSION_KEY");
        pb.environment().remove("CROSSCHECK_AUDIT_KEY");
        pb.environment().remove("CROSSCHECK_CLUSTER");
        pb.environment().put("CROSSCHECK_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD);
        pb.environment().putAll(env);
        return pb.start();
    }
}
