package io.crosscheck.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/** Helpers for tests that start the packaged jar as a process of their own (crash, shutdown). */
public final class PackagedJar {

    private PackagedJar() {}

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits up to two minutes for readiness; fails with the server's log if it exits or never gets ready. */
    public static void awaitReady(Process p, HttpClient http, int port, Path log) throws Exception {
        awaitReady(p, http, port, log, Duration.ofSeconds(120));
    }

    /** Waits up to {@code timeout} for readiness; fails with the server's log if it exits or never gets ready. */
    public static void awaitReady(Process p, HttpClient http, int port, Path log, Duration timeout) throws Exception {
        try {
            await("server on port " + port + " ready")
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .atMost(timeout)
                    .until(() -> {
                        if (!p.isAlive()) {
                            throw new AssertionError("server exited: " + Files.readString(log));
                        }
                        try {
                            return http.send(
                                                    HttpRequest.newBuilder(URI.create(
                                                                    "http://127.0.0.1:" + port + "/q/health/ready"))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException notYet) {
                            return false; // starting
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("server did not start: " + Files.readString(log), e);
        }
    }
}
