package io.crosscheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.Version;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 decoder in front of every endpoint (Netty, under Vert.x) must not read one connection's bytes as two
 * requests where a proxy in front reads one: the request-smuggling advisories fixed after Netty 4.1.133 (the version
 * Quarkus 3.33.2 brings; the build pins a newer 4.1 patch, docs/security.md "Versions"). Raw sockets, since an HTTP
 * client would not send such requests.
 */
@QuarkusTest
class RequestSmugglingTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    @TestHTTPResource("/")
    URL root;

    @Test
    void aTransferEncodingWhoseLastCodingIsNotChunkedIsNotReadAsChunkedWithASecondRequestInside() throws Exception {
        String smuggled = "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String request = "POST /api/v1/screenings HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked, xchunked\r\n"
                + "\r\n"
                + "0\r\n\r\n"
                + smuggled;

        String answer = exchange(request);

        assertThat(statuses(answer))
                .as("one connection, one request: the health probe inside the body is never answered")
                .hasSize(1)
                .allSatisfy(status -> assertThat(status).isEqualTo(400));
    }

    @Test
    void controlCharactersBeforeTheRequestLineAreNotSkipped() throws Exception {
        String answer = exchange("\u0001\u0002GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(statuses(answer)).doesNotContain(200);
    }

    @Test
    void theNettyOnTheClassPathIsTheOnePinnedInThePom() {
        String codecHttp = Version.identify().get("netty-codec-http").artifactVersion();

        assertThat(patch(codecHttp))
                .as("netty-codec-http %s: at least 4.1.141.Final (pom.xml, netty.version)", codecHttp)
                .isGreaterThanOrEqualTo(141);
    }

    private static int patch(String version) {
        Matcher m = Pattern.compile("4\\.1\\.(\\d+)\\.Final").matcher(version);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private String exchange(String request) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    read.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException stillOpen) {
                // whatever the server answered within the time is what counts
            }
            return read.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static java.util.List<Integer> statuses(String answer) {
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        Matcher m = STATUS_LINE.matcher(answer);
        while (m.find()) {
            statuses.add(Integer.parseInt(m.group(1)));
        }
        return statuses;
    }
}
