package io.crosscheck.bench;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * Disk per stored screening, by store and commit mode (issue 27): the article's screening row as the service stores it
 * (the gzip of its request, response and complete explanation) and its audit row, committed {@code n} times on a
 * database migrated by the application's own migrations; prints the growth per screening every fifth of the run and
 * the time per commit. Not a test: timings and sizes depend on the machine.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench/classpath.txt) io.crosscheck.bench.StorageGrowth \
 *     h2 20000 force-each     # CHECKPOINT SYNC after each commit, as the service does (DurableCommits)
 * ... StorageGrowth h2 20000 force-every-8   # one force for eight commits (a full group at c=8)
 * ... StorageGrowth h2 20000 no-force        # H2's background writer only
 * ... StorageGrowth postgresql 20000 jdbc:postgresql://127.0.0.1:5432/test  # synchronous commit; relation sizes
 * </pre>
 *
 * On H2 the size is the database file's; on PostgreSQL the screening and audit tables with their TOAST and indexes
 * ({@code pg_total_relation_size}), WAL not counted (it is recycled).
 */
public final class StorageGrowth {
    private StorageGrowth() {}

    public static void main(String[] args) throws Exception {
        String store = args[0];
        int n = Integer.parseInt(args[1]);
        String mode = args.length > 2 ? args[2] : "force-each";
        Payload payload = Payload.article();
        byte[] request = payload.request();
        byte[] response = payload.response();
        byte[] explanation = payload.explanation();
        boolean h2 = store.equals("h2");
        Path dir = h2 ? Files.createTempDirectory("storage-growth") : null;
        String url = h2 ? "jdbc:h2:file:" + dir.resolve("growth") + ";DB_CLOSE_ON_EXIT=FALSE" : mode;
        String user = h2 ? "crosscheck" : "postgres";
        if (!h2) {
            try (Connection admin = DriverManager.getConnection(url, user, "");
                    Statement s = admin.createStatement()) {
                s.execute("drop schema if exists storage_growth cascade");
                s.execute("create schema storage_growth");
            }
        }
        StoredRow.migrate(url, user, h2 ? null : "storage_growth");
        int every = switch (h2 ? mode : "no-force") {
            case "force-each" -> 1;
            case "no-force" -> 0;
            default -> Integer.parseInt(mode.substring("force-every-".length()));
        };
        try (Connection db = DriverManager.getConnection(url, user, "");
                Statement sync = db.createStatement()) {
            if (!h2) {
                sync.execute("set search_path to storage_growth");
            }
            db.setAutoCommit(false);
            PreparedStatement screening = db.prepareStatement(StoredRow.INSERT);
            PreparedStatement audit = db.prepareStatement(StoredRow.INSERT_AUDIT);
            long size0 = size(h2, dir, db);
            long t0 = System.nanoTime();
            for (int i = 1; i <= n; i++) {
                StoredRow.insert(screening, audit, payload.kbVersion(), request, response, explanation);
                db.commit();
                if (every > 0 && i % every == 0) {
                    sync.execute("CHECKPOINT SYNC");
                }
                if (i % Math.max(1, n / 5) == 0) {
                    long size = size(h2, dir, db);
                    System.out.printf(
                            "%s %s %d screenings: %.1f MB, %.1f KB per screening, %.2f ms per commit%n",
                            store,
                            h2 ? mode : "synchronous commit",
                            i,
                            size / 1048576.0,
                            (size - size0) / 1024.0 / i,
                            (System.nanoTime() - t0) / 1e6 / i);
                }
            }
        }
        if (h2) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The article's screening as the service stores it: the gzip of its request, response and explanation. */
    record Payload(String kbVersion, byte[] request, byte[] response, byte[] explanation) {
        static Payload article() throws Exception {
            org.jboss.logmanager.LogContext.getSystemLogContext()
                    .getLogger("org.drools")
                    .setLevel(java.util.logging.Level.WARNING);
            KnowledgeBase kb = ScreeningBenchmark.executableModel(Path.of("rules"), Path.of("kb-docs"));
            ScreeningEvaluator evaluator = ScreeningEvaluator.standalone(10_000);
            ScreeningRequest article = evaluator.read(Requests.ARTICLE_DESK_WORKER);
            ScreeningResult result = evaluator.evaluate(article, kb).withIdentity(UUID.randomUUID(), Instant.now());
            Payload p = new Payload(
                    kb.version(),
                    FloorBenchmark.gzip(RuleHarness.JSON.writeValueAsBytes(article)),
                    FloorBenchmark.gzip(RuleHarness.JSON.writeValueAsBytes(result.compact())),
                    FloorBenchmark.gzip(RuleHarness.JSON.writeValueAsBytes(result.explanation())));
            System.out.printf(
                    "payload per screening: request gz %.1f KB, response gz %.1f KB, explanation gz %.1f KB%n",
                    p.request.length / 1024.0, p.response.length / 1024.0, p.explanation.length / 1024.0);
            return p;
        }
    }

    private static long size(boolean h2, Path dir, Connection db) throws Exception {
        if (h2) {
            return Files.size(dir.resolve("growth.mv.db"));
        }
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select pg_total_relation_size('storage_growth.screening')"
                        + " + pg_total_relation_size('storage_growth.audit_entry')")) {
            r.next();
            return r.getLong(1);
        }
    }
}
