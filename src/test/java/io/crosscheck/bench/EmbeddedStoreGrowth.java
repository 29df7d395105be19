package io.crosscheck.bench;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Disk per stored screening on the embedded stores that could replace H2 (issue 27, point 2: "if H2 cannot, say so with
 * evidence and choose the embedded store that can, measured"): the same screening row and audit row as {@link
 * StorageGrowth} (the gzip of the article's request, response and complete explanation), the same columns
 * and indexes as the service's tables after V105, committed {@code n} times, each commit durable before the next:
 *
 * <ul>
 *   <li>{@code h2}: H2 2.4 file, {@code CHECKPOINT SYNC} after each commit (the service's DurableCommits);
 *   <li>{@code sqlite}: SQLite in WAL mode with {@code synchronous=FULL} (the write-ahead log is synced at each commit);
 *   <li>{@code hsqldb}: HSQLDB 2.7 cached tables with {@code write_delay=false} (the log is synced at each commit).
 * </ul>
 *
 * The size is every file of the store's directory (data, log, write-ahead log). Prints the growth per screening over
 * each fifth of the run and cumulatively, and the time per commit. Not a test: sizes and timings depend on the machine.
 * Usage: {@code EmbeddedStoreGrowth h2|sqlite|hsqldb n}; {@code bench/embedded-stores.py} runs all three.
 */
public final class EmbeddedStoreGrowth {
    private EmbeddedStoreGrowth() {}

    /** The service's two tables after V105 (screening and audit_entry), their columns and indexes. */
    private static final String[] SCHEMA = {
        "create table screening (id {uuid} not null primary key, client_ref varchar(64), created_at {ts} not null,"
                + " kb_version varchar(64) not null, request_json {text}, result_json {text},"
                + " explanation_json {text}, clinic_id varchar(64) default 'default' not null,"
                + " idempotency_key varchar(128), amends_id {uuid}, chain_id {uuid}, version_no integer,"
                + " amend_reason varchar(500), screened_at {ts}, created_by varchar(128), referral_urgency varchar(16),"
                + " pattern_status varchar(500), idempotency_digest varchar(64), response_gz {bin}, explanation_gz {bin},"
                + " request_gz {bin})",
        "create index screening_client_ref_idx on screening (client_ref, created_at)",
        "create unique index screening_idempotency_idx on screening (clinic_id, idempotency_key)",
        "create index screening_clinic_idx on screening (clinic_id, client_ref)",
        "create unique index screening_amends_idx on screening (amends_id)",
        "create index screening_chain_idx on screening (chain_id)",
        "create index screening_clinic_created_idx on screening (clinic_id, created_at, id)",
        "create index screening_created_id_idx on screening (created_at, id)",
        "create table audit_entry (id {uuid} not null primary key, recorded_at {ts} not null, actor varchar(128) not"
                + " null, clinic_id varchar(64), action varchar(64) not null, subject varchar(200), kb_version"
                + " varchar(64), address varchar(64), detail varchar(500), seq bigint unique, prev_hash varchar(64),"
                + " hash varchar(64))",
        "create index audit_entry_pending_idx on audit_entry (seq, recorded_at)",
        "create index audit_entry_time_idx on audit_entry (recorded_at)",
    };

    public static void main(String[] args) throws Exception {
        String store = args[0];
        int n = Integer.parseInt(args[1]);
        StorageGrowth.Payload payload = StorageGrowth.Payload.article();
        Path dir = Files.createTempDirectory("embedded-store-growth");
        boolean sqlite = store.equals("sqlite");
        String url = switch (store) {
            case "h2" -> "jdbc:h2:file:" + dir.resolve("growth") + ";DB_CLOSE_ON_EXIT=FALSE";
            case "hsqldb" ->
                "jdbc:hsqldb:file:" + dir.resolve("growth")
                        + ";hsqldb.write_delay=false;hsqldb.default_table_type=cached;shutdown=true";
            case "sqlite" -> "jdbc:sqlite:" + dir.resolve("growth.db");
            default -> throw new IllegalArgumentException("store: h2, sqlite or hsqldb");
        };
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "");
                Statement s = db.createStatement()) {
            if (sqlite) {
                s.execute("pragma journal_mode=WAL");
                s.execute("pragma synchronous=FULL");
            }
            for (String ddl : SCHEMA) {
                s.execute(ddl.replace("{uuid}", sqlite ? "blob" : "uuid")
                        .replace("{ts}", sqlite ? "integer" : "timestamp with time zone")
                        .replace("{text}", store.equals("hsqldb") ? "varchar(1000000)" : sqlite ? "text" : "varchar")
                        .replace(
                                "{bin}",
                                store.equals("hsqldb") ? "varbinary(1000000)" : sqlite ? "blob" : "varbinary"));
            }
            db.setAutoCommit(false);
            PreparedStatement screening = db.prepareStatement(StoredRow.INSERT);
            PreparedStatement audit = db.prepareStatement(StoredRow.INSERT_AUDIT);
            long size0 = size(dir);
            long before = size0;
            long t0 = System.nanoTime();
            int fifth = Math.max(1, n / 5);
            for (int i = 1; i <= n; i++) {
                UUID id = UUID.randomUUID();
                Timestamp now = Timestamp.from(Instant.now());
                screening.setObject(1, sqlite ? bytes(id) : id);
                screening.setTimestamp(2, now);
                screening.setBytes(3, payload.request());
                screening.setBytes(4, payload.response());
                screening.setBytes(5, payload.explanation());
                screening.executeUpdate();
                audit.setObject(1, sqlite ? bytes(UUID.randomUUID()) : UUID.randomUUID());
                audit.setTimestamp(2, now);
                audit.setString(3, id.toString());
                audit.setString(4, "sha256:bench");
                audit.executeUpdate();
                db.commit();
                if (store.equals("h2")) {
                    s.execute("CHECKPOINT SYNC");
                }
                if (i % fifth == 0) {
                    long size = size(dir);
                    System.out.printf(
                            "%s %d screenings: %.1f MB, this fifth %.1f KB per screening, cumulative %.1f KB,"
                                    + " %.2f ms per commit%n",
                            store,
                            i,
                            size / 1048576.0,
                            (size - before) / 1024.0 / fifth,
                            (size - size0) / 1024.0 / i,
                            (System.nanoTime() - t0) / 1e6 / i);
                    before = size;
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
