package io.crosscheck.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosscheck.support.PackagedJar;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
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
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful shutdown on the packaged jar: a screening whose body is still arriving when the process gets
 * SIGTERM is finished and answered 201 (and stored), a request that arrives after the signal is either
 * answered whole or not accepted (never cut off), and the process then exits by itself within
 * {@code quarkus.shutdown.timeout}.
 */
class GracefulShutdownIT {

    private static final Path JAR =
            Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    private static final String AUTH = "Basic "
            + Base64.getEncoder()
                    .encodeToString(
                            (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    @Test
    void aScreeningInFlightWhenTheProcessIsAskedToStopIsFinishedAndStoredBeforeItExits() throws Exception {
        // the default H2 file database, or PostgreSQL when the build is the PostgreSQL one (its test URL is passed
        // through)
        String pg = System.getProperty("crosscheck.jdbc-url", "");
        String url = pg.startsWith("jdbc:postgresql:")
                ? pg
                : "jdbc:h2:file:" + tmp.resolve("data/crosscheck").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        String user = System.getProperty("crosscheck.db-user", "crosscheck");
        int port = PackagedJar.freePort();
        Path log = tmp.resolve("server.log");
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dquarkus.http.port=" + port,
                        "-Dcrosscheck.jdbc-url=" + url,
                        "-Dcrosscheck.db-user=" + user,
                        "-Dcrosscheck.security.initial-admin.password=" + TestUsers.ADMIN_PASSWORD,
                        "-Dcrosscheck.security.initial-admin.roles=admin,author,physio",
                        "-Dcrosscheck.knowledge.rules-dir=" + Path.of("rules").toAbsolutePath(),
                        "-Dcrosscheck.knowledge.docs-dir=" + Path.of("kb-docs").toAbsolutePath(),
                        "-jar",
                        JAR.toString())
                .directory(tmp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            PackagedJar.awaitReady(server, http, port, log);
            String ref = "graceful-" + Long.toHexString(System.nanoTime());
            byte[] body =
                    Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref).getBytes(StandardCharsets.UTF_8);
            int half = body.length / 2;

            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/screenings HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + AUTH
                                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                chunk(out, body, 0, half);
                out.flush();
                Thread.sleep(500); // the request is in the server, its body half read

                server.destroy(); // SIGTERM: Quarkus starts its graceful shutdown
                await("the server waits for the request in flight")
                        .during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(3))
                        .until(server::isAlive);

                int later;
                try {
                    later = http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create("http://127.0.0.1:" + port + "/api/v1/vocabulary"))
                                            .header("Authorization", AUTH)
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException refusedConnection) {
                    later = -1;
                }
                // Quarkus still answers it, closing the connection after it, or no longer accepts the connection
                assertThat(later)
                        .as("a request arriving after SIGTERM: answered whole, or not accepted")
                        .isIn(200, -1);

                chunk(out, body, half, body.length - half);
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String status = in.readLine();
                assertThat(status).as("the in-flight screening's answer").startsWith("HTTP/1.1 201");
            }
            assertThat(server.waitFor(30, TimeUnit.SECONDS))
                    .as("the process exits by itself")
                    .isTrue();
            assertThat(storedFor(url, user, ref)).isEqualTo(1);
        } finally {
            if (server.isAlive()) {
                server.destroyForcibly();
            }
        }
    }

    private static void chunk(OutputStream out, byte[] body, int from, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, from, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static int storedFor(String url, String user, String ref) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, "");
                ResultSet rs = c.createStatement()
                        .executeQuery("select count(*) from screening where client_ref = '" + ref + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
