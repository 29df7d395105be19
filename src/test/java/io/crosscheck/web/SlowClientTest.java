package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Slow or idle clients do not hold connections: a connection that stops sending (here in the middle of its request
 * line) is closed after {@code quarkus.http.idle-timeout}, and connections beyond
 * {@code quarkus.http.limits.max-connections} are closed at once. Small limits here; the production values are in
 * application.properties.
 */
// H2 leg only: what it checks does not depend on the database (CONTRIBUTING.md, "The fast local loop": `once`).
@Tag("once")
@QuarkusTest
@TestProfile(SlowClientTest.SmallLimits.class)
class SlowClientTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "5S", "quarkus.http.limits.max-connections", "3");
        }
    }

    /** Far longer than the idle timeout: the read returns because the server closed the connection, not by this. */
    static final int READ_LIMIT_MILLIS = 30_000;

    @Test
    void aClientThatStopsInTheMiddleOfItsRequestLineIsCutOff() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /q/health/li".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(readUntilClosed(socket))
                    .as("closed by the server, nothing answered")
                    .isTrue();
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnce() throws IOException {
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = connect();
                open.add(s);
                assertThat(healthOver(s)).startsWith("HTTP/1.1 200");
            }
            try (Socket extra = connect()) {
                try {
                    extra.getOutputStream().write(request());
                } catch (SocketException closedAlready) {
                    return;
                }
                assertThat(readUntilClosed(extra))
                        .as("the fourth connection is closed unanswered")
                        .isTrue();
            }
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(READ_LIMIT_MILLIS);
        return socket;
    }

    private static byte[] request() {
        return "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends a health request over a kept-alive connection and reads the status line and headers of the answer. */
    private static String healthOver(Socket s) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request());
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    /** True when the server closes the connection without sending anything; fails when the read limit passes. */
    private static boolean readUntilClosed(Socket socket) throws IOException {
        try {
            int b = socket.getInputStream().read();
            return b == -1;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was still open after " + READ_LIMIT_MILLIS + " ms", e);
        } catch (SocketException reset) {
            return true;
        }
    }
}
