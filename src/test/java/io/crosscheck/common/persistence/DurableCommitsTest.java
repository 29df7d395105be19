package io.crosscheck.common.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evidence that an acknowledged screening is on the disk: on a real H2 file database, an in-process JFR recording
 * counts the file forces ({@code jdk.FileForce}, every {@code FileChannel.force}) and spans each request with an event
 * of its own, on the same clock: every 201 had a force of the database file that started after the request was sent
 * and finished before the answer came back, and concurrent screenings share forces.
 */
@QuarkusTest
@TestProfile(DurableCommitsTest.FileDatabase.class)
// an H2 file database: left out of the PostgreSQL leg, whose build has no H2 driver (PostgreSQL forces its WAL itself)
@org.junit.jupiter.api.Tag("h2-server")
public class DurableCommitsTest {

    public static final String ARTICLE = read("examples/article-desk-worker.json");

    public static class FileDatabase implements QuarkusTestProfile {
        static final Path DIR = Path.of("target", "durable-commits-" + UUID.randomUUID());

        @Override
        public Map<String, String> getConfigOverrides() {
            String url = "jdbc:h2:file:" + DIR.toAbsolutePath().resolve("crosscheck")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            return Map.of("%test.quarkus.datasource.jdbc.url", url, "crosscheck.jdbc-url", url);
        }
    }

    /** One request, from just before it is sent to just after its answer arrived. */
    @Name("crosscheck.test.Request")
    public static class RequestSpan extends Event {
        public int status;
    }

    @Inject
    DurableCommits durable;

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void eachSerialScreeningIsForcedToDiskAfterItIsSentAndBeforeItIsAnswered() throws Exception {
        assertThat(durable.forcing()).isTrue();
        int n = 20;
        screen(); // warm: the first request loads what it needs
        Recorded recorded = record(() -> {
            for (int i = 0; i < n; i++) {
                screen();
            }
        });
        assertThat(recorded.requests())
                .hasSize(n)
                .allSatisfy(r -> assertThat(r.getInt("status")).isEqualTo(201));
        assertThat(recorded.forces()).as("forces of the database file").hasSizeGreaterThanOrEqualTo(n);
        assertEachForcedWhileOpen(recorded);
        System.out.printf(
                "durable commits, serial: %d screenings, %d forces%n",
                n, recorded.forces().size());
    }

    @Test
    void concurrentScreeningsShareForcesAndEachIsStillForcedBeforeItsAnswer() throws Exception {
        int clients = 8;
        int each = 15;
        screen();
        Recorded recorded = record(() -> {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                all.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        screen();
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
        });
        assertThat(recorded.requests())
                .hasSize(clients * each)
                .allSatisfy(r -> assertThat(r.getInt("status")).isEqualTo(201));
        assertThat(recorded.forces()).isNotEmpty().hasSizeLessThanOrEqualTo(clients * each);
        assertEachForcedWhileOpen(recorded);
        System.out.printf(
                "durable commits, %d clients: %d screenings, %d forces%n",
                clients, clients * each, recorded.forces().size());
    }

    public static void assertEachForcedWhileOpen(Recorded recorded) {
        for (RecordedEvent r : recorded.requests()) {
            Instant sent = r.getStartTime();
            Instant answered = r.getEndTime();
            assertThat(recorded.forces())
                    .as(
                            "a force of the database file between the request sent at %s and its answer at %s",
                            sent, answered)
                    .anySatisfy(f -> {
                        assertThat(f.getStartTime()).isAfterOrEqualTo(sent);
                        assertThat(f.getEndTime()).isBeforeOrEqualTo(answered);
                    });
        }
    }

    static void screen() {
        RequestSpan span = new RequestSpan();
        span.begin();
        int status = given().contentType(ContentType.JSON)
                .body(ARTICLE)
                .post("/api/v1/screenings")
                .then()
                .extract()
                .statusCode();
        span.end();
        span.status = status;
        span.commit();
    }

    public interface Load {
        void run() throws Exception;
    }

    public record Recorded(List<RecordedEvent> requests, List<RecordedEvent> forces) {}

    /** Runs the load under a JFR recording of file forces (threshold 0) and of the requests. */
    public static Recorded record(Load load) throws Exception {
        Path file = Files.createTempFile("durable-commits", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.FileForce").withThreshold(Duration.ZERO).withoutStackTrace();
            recording.enable(RequestSpan.class).withThreshold(Duration.ZERO).withoutStackTrace();
            recording.start();
            load.run();
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> requests = new ArrayList<>();
        List<RecordedEvent> forces = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals("crosscheck.test.Request")) {
                requests.add(e);
            } else if (e.getEventType().getName().equals("jdk.FileForce")
                    && String.valueOf(e.getString("path")).endsWith(".mv.db")) {
                forces.add(e);
            }
        }
        Files.deleteIfExists(file);
        return new Recorded(requests, forces);
    }

    public static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
