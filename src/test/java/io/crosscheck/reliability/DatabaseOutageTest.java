package io.crosscheck.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.tools.Server;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back: screenings answer 503 problem+json saying so, readiness is
 * DOWN, nothing partial is stored, and service resumes by itself once the database is back. The
 * database is a real H2 server over TCP that the test stops and starts (the PostgreSQL equivalent is
 * bench/fault-postgres.sh, see RELIABILITY.md).
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OverTcp.class)
@org.junit.jupiter.api.Tag("h2-server")
class DatabaseOutageTest {

    static volatile Server server;
    static int port;
    static Path dir;

    public static class OverTcp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(H2Server.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.background-validation-interval",
                    "2S",
                    "quarkus.datasource.jdbc.acquisition-timeout",
                    "3S");
        }
    }

    public static class H2Server implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                dir = Files.createTempDirectory("h2-outage");
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                startServer();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/outage";
            return Map.of("%test.quarkus.datasource.jdbc.url", url, "crosscheck.jdbc-url", url);
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }

    static void startServer() throws SQLException {
        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", dir.toString())
                .start();
    }

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void whileTheDatabaseIsDownScreeningsAre503ReadinessIsDownAndServiceResumesByItself() throws Exception {
        String ref = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> answered = new ArrayList<>();
        answered.add(screen(ref).path("id"));
        given().get("/q/health/ready").then().statusCode(200);

        server.stop();
        ExtractableResponse<?> down = null;
        for (int i = 0; i < 20 && (down == null || down.statusCode() != 503); i++) {
            down = screen(ref);
            if (down.statusCode() == 201) {
                answered.add(down.path("id"));
            }
        }
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.contentType()).isEqualTo("application/problem+json");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.<String>path("detail")).contains("database is unavailable");
        given().auth().none().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().auth().none().get("/q/health/live").then().statusCode(200);

        startServer();
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<ExtractableResponse<?>> up = new AtomicReference<>();
        await("a screening accepted again after the database restarted")
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> {
                    attempts.incrementAndGet();
                    up.set(screen(ref));
                    assertThat(up.get().statusCode()).as(up.get().asString()).isEqualTo(201);
                });
        answered.add(up.get().path("id"));
        given().get("/q/health/ready").then().statusCode(200);
        System.out.printf("database outage: %d attempts after restart before a 201%n", attempts.get());

        // every 201 is stored, and nothing else for this client: no partial rows from the failed attempts
        try (Connection c =
                        DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + port + "/outage", "crosscheck", "");
                ResultSet rs =
                        c.createStatement().executeQuery("select id from screening where client_ref = '" + ref + "'")) {
            List<String> stored = new ArrayList<>();
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
            assertThat(stored).containsExactlyInAnyOrderElementsOf(answered);
        }
    }

    private static ExtractableResponse<?> screen(String ref) {
        return given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref))
                .post("/api/v1/screenings")
                .then()
                .extract();
    }
}
