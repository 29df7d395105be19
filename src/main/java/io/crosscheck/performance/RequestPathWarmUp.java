package io.crosscheck.performance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.scenario.Scenario;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.knowledge.config.PerformanceConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.security.WarmUpCredentials;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Warms the whole request path before the service reports ready: once the HTTP server listens, the knowledge base's
 * own scenario requests are sent to {@code POST /api/v1/screenings} over loopback HTTP, as a client sends them (HTTP,
 * authentication, JSON in, validation, evaluation, persistence, JSON out), by as many clients as there are cores,
 * each created screening read back by {@code GET}. The warm-up's identity ({@link WarmUpCredentials}) exists only
 * while it runs and everything it writes is rolled back ({@link WarmUpRollback}). It stops when the JIT has settled
 * (two consecutive windows in which the compilers used less than {@link #SETTLED_SHARE} of the window) or when the
 * budget ({@code crosscheck.performance.request-warm-up}) is spent; readiness ({@link WarmUpReadiness}) is down until
 * then. Figures in BENCHMARKS.md.
 */
@ApplicationScoped
public class RequestPathWarmUp {
    private static final Logger LOG = Logger.getLogger(RequestPathWarmUp.class);

    /** A window is settled when JIT compilation took less than this share of it. */
    static final double SETTLED_SHARE = 0.10;

    static final Duration WINDOW = Duration.ofMillis(500);

    private final KnowledgeBaseService knowledgeBases;
    private final ScenarioSuite suite;
    private final WarmUpCredentials credentials;
    private final ObjectMapper mapper;
    private final Duration budget;
    private final int minimumRequests;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile WarmUpState state;

    RequestPathWarmUp(
            KnowledgeBaseService knowledgeBases,
            ScenarioSuite suite,
            WarmUpCredentials credentials,
            ObjectMapper mapper,
            PerformanceConfig config) {
        this.knowledgeBases = knowledgeBases;
        this.suite = suite;
        this.credentials = credentials;
        this.mapper = mapper;
        this.budget = config.requestWarmUp();
        this.minimumRequests = config.requestWarmUpMinimum();
        this.state = budget.isZero() ? WarmUpState.done(0, 0, 0, 0, false) : WarmUpState.waiting();
    }

    /** Where the warm-up stands (readiness reads it). */
    public WarmUpState state() {
        return state;
    }

    void onServerStart(@ObservesAsync HttpServerStart start) {
        if (budget.isZero()) {
            return;
        }
        int configured = start.options().getPort();
        Thread t = new Thread(() -> run(configured), "request-warm-up");
        t.setDaemon(true);
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
    }

    /**
     * The port the server listens on: the configured one, or for a random port (tests: quarkus.http.test-port=0) the
     * bound one, which Quarkus publishes in the configuration once it listens.
     */
    private static int boundPort(int configured) throws InterruptedException {
        String property = io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.TEST
                ? "quarkus.http.test-port"
                : "quarkus.http.port";
        for (int i = 0; configured <= 0 && i < 200; i++) {
            Integer bound = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue(property, Integer.class)
                    .orElse(null);
            if (bound != null && bound > 0) {
                return bound;
            }
            Thread.sleep(50);
        }
        return configured;
    }

    private void run(int configured) {
        long started = System.nanoTime();
        String authorization = credentials.open();
        state = WarmUpState.running();
        AtomicLong requests = new AtomicLong();
        AtomicLong created = new AtomicLong();
        boolean settled = false;
        long compileStart = compileMillis();
        try {
            int port = boundPort(configured);
            List<byte[]> bodies = bodies();
            if (bodies.isEmpty() || port <= 0) {
                LOG.infof("Request path warm-up skipped (%s)", bodies.isEmpty() ? "no scenario requests" : "no port");
                return;
            }
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/screenings");
            int clients = Math.max(1, Runtime.getRuntime().availableProcessors());
            AtomicBoolean done = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                Thread t = new Thread(
                        () -> drive(http, uri, authorization, bodies, offset, done, requests, created),
                        "request-warm-up-" + c);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            settled = watch(started, requests, done);
            done.set(true);
            for (Thread t : threads) {
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("Request path warm-up stopped early: %s", e.toString());
        } finally {
            credentials.close();
            long ms = (System.nanoTime() - started) / 1_000_000;
            long jit = compileMillis() - compileStart;
            state = WarmUpState.done(requests.get(), created.get(), ms, jit, settled);
            LOG.infof(
                    "Request path warmed up: %d requests (%d screenings created and rolled back) in %d ms, JIT"
                            + " compilation %d ms meanwhile, %s",
                    requests.get(),
                    created.get(),
                    ms,
                    jit,
                    settled ? "settled" : "budget spent before the JIT settled");
        }
    }

    /** Waits until the JIT has settled or the budget is spent; true when settled. */
    private boolean watch(long started, AtomicLong requests, AtomicBoolean done) throws InterruptedException {
        long deadline = started + budget.toNanos();
        long before = compileMillis();
        int quiet = 0;
        while (System.nanoTime() < deadline && !stopping.get()) {
            Thread.sleep(WINDOW.toMillis());
            long now = compileMillis();
            boolean quietWindow = now - before < SETTLED_SHARE * WINDOW.toMillis();
            before = now;
            quiet = quietWindow ? quiet + 1 : 0;
            if (quiet >= 2 && requests.get() >= minimumRequests) {
                return true;
            }
        }
        return false;
    }

    private void drive(
            HttpClient http,
            URI uri,
            String authorization,
            List<byte[]> bodies,
            int offset,
            AtomicBoolean done,
            AtomicLong requests,
            AtomicLong created) {
        int i = offset;
        while (!done.get() && !stopping.get()) {
            byte[] body = bodies.get(i++ % bodies.size());
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json")
                                .header("Authorization", authorization)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                requests.incrementAndGet();
                if (response.statusCode() == 201) {
                    created.incrementAndGet();
                }
                response.headers().firstValue("Location").ifPresent(location -> {
                    try {
                        http.send(
                                HttpRequest.newBuilder(uri.resolve(location))
                                        .header("Authorization", authorization)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        requests.incrementAndGet();
                    } catch (java.io.IOException e) {
                        // counted below as a failed request: the next one is tried
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (java.io.IOException e) {
                LOG.debugf("warm-up request failed: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The scenario requests of the knowledge base being served, as JSON, not run (running the suite is the start-up
     * validation's and the scenario warm-up's work; on a cold JVM it alone can take longer than this warm-up's budget).
     */
    private List<byte[]> bodies() {
        List<byte[]> bodies = new ArrayList<>();
        for (Scenario s : suite.ownScenarios(knowledgeBases.current())) {
            try {
                bodies.add(mapper.writeValueAsBytes(s.request()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                LOG.debugf("scenario %s not sent: %s", s.file(), e.getOriginalMessage());
            }
        }
        return bodies;
    }

    private static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
