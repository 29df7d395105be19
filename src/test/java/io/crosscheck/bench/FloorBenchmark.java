package io.crosscheck.bench;

import io.crosscheck.common.persistence.Gzip;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The floor of one screening, part by part, in process (bench/request_path.py adds HTTP and authentication, measured
 * on the server, and compares the service with the sum): read and validate the article's request, evaluate it on the
 * knowledge base as the service builds it, write the response, and commit what the service stores for it (the
 * screening row as stored and its audit row) on an H2 file database migrated by the application's own migrations,
 * forced to disk as the service forces it ({@code CHECKPOINT SYNC}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FloorBenchmark {

    private ScreeningEvaluator evaluator;
    private KnowledgeBase kb;
    private ScreeningRequest article;
    private ScreeningResult result;
    private Path dir;
    private Connection db;
    private PreparedStatement insertScreening;
    private PreparedStatement insertAudit;
    private Statement sync;
    private byte[] requestGz;
    private byte[] response;
    private byte[] explanation;

    @Setup
    public void setUp() throws Exception {
        org.jboss.logmanager.LogContext.getSystemLogContext()
                .getLogger("org.drools")
                .setLevel(java.util.logging.Level.WARNING);
        kb = ScreeningBenchmark.executableModel(Path.of("rules"), Path.of("kb-docs"));
        evaluator = ScreeningEvaluator.standalone(10_000);
        article = evaluator.read(Requests.ARTICLE_DESK_WORKER);
        result = evaluator.evaluate(article, kb).withIdentity(UUID.randomUUID(), Instant.now());
        requestGz = gzip(RuleHarness.JSON.writeValueAsBytes(article));
        response = gzip(RuleHarness.JSON.writeValueAsBytes(result.compact()));
        explanation = gzip(RuleHarness.JSON.writeValueAsBytes(result.explanation()));
        dir = Files.createTempDirectory("floor-h2");
        String url = "jdbc:h2:file:" + dir.resolve("floor") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        StoredRow.migrate(url, "crosscheck", null);
        db = DriverManager.getConnection(url, "crosscheck", "");
        db.setAutoCommit(false);
        insertScreening = db.prepareStatement(StoredRow.INSERT);
        insertAudit = db.prepareStatement(StoredRow.INSERT_AUDIT);
        sync = db.createStatement();
    }

    /** As the service compresses what it stores (StoredDocuments, crosscheck.storage.gzip-level 3). */
    static byte[] gzip(byte[] bytes) {
        return Gzip.compress(bytes, 3);
    }

    @TearDown
    public void tearDown() throws Exception {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** Read and validate the article's request (Jackson + Bean Validation + the vocabulary checks). */
    @Benchmark
    public ScreeningRequest read() {
        return evaluator.read(Requests.ARTICLE_DESK_WORKER);
    }

    /** Evaluate it: mapping, session, rules, provenance, result assembly. */
    @Benchmark
    public ScreeningResult evaluate() {
        return evaluator.evaluate(article, kb);
    }

    /**
     * Write the response (the compact result) once, and compress it, the complete explanation and the request (written
     * as JSON) for storage.
     */
    @Benchmark
    public int write() throws Exception {
        byte[] body = RuleHarness.JSON.writeValueAsBytes(result.compact());
        return gzip(body).length
                + gzip(RuleHarness.JSON.writeValueAsBytes(result.explanation())).length
                + gzip(RuleHarness.JSON.writeValueAsBytes(article)).length;
    }

    private final com.fasterxml.jackson.databind.ObjectMapper blackbird = io.crosscheck.common.json.Json.newMapper()
            .registerModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule());

    /** {@link #read()}'s Jackson part with Jackson's Blackbird module (generated accessors), for comparison. */
    @Benchmark
    public Object readJsonBlackbird() throws Exception {
        return blackbird.readValue(Requests.ARTICLE_DESK_WORKER, ScreeningRequest.class);
    }

    /** The same without it, as the service reads. */
    @Benchmark
    public Object readJson() throws Exception {
        return RuleHarness.JSON.readValue(Requests.ARTICLE_DESK_WORKER, ScreeningRequest.class);
    }

    /** The response written with Blackbird, for comparison with {@link #writeJson()}. */
    @Benchmark
    public byte[] writeJsonBlackbird() throws Exception {
        return blackbird.writeValueAsBytes(result.compact());
    }

    /** The response written as the service writes it. */
    @Benchmark
    public byte[] writeJson() throws Exception {
        return RuleHarness.JSON.writeValueAsBytes(result.compact());
    }

    /** Commit the stored row and its audit row, forced to disk. */
    @Benchmark
    public int commit() throws SQLException, IOException {
        StoredRow.insert(insertScreening, insertAudit, kb.version(), requestGz, response, explanation);
        db.commit();
        sync.execute("CHECKPOINT SYNC");
        return response.length;
    }
}
