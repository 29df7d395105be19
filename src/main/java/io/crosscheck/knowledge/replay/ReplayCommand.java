package io.crosscheck.knowledge.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crosscheck.knowledge.KnowledgeBase;
import io.crosscheck.knowledge.model.KnowledgeBaseException;
import io.crosscheck.knowledge.replay.model.ReplayFilter;
import io.crosscheck.knowledge.replay.model.ReplayReport;
import io.crosscheck.knowledge.replay.service.JdbcScreenings;
import io.crosscheck.knowledge.replay.service.ReplayEngine;
import io.crosscheck.knowledge.replay.service.ScreeningPages;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays a rule change from the command line, without a running server: builds the current and
 * the candidate knowledge base from directories, reads stored screenings over JDBC (read-only) and
 * prints the same report as {@code POST /api/v1/knowledge-base/replays}. Run it with {@code bin/replay}.
 */
public final class ReplayCommand {

    /** The service's default database, opened read-only and never created. */
    public static final String DEFAULT_JDBC_URL = "jdbc:h2:file:./data/crosscheck;IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
    static final int MAX_FIRINGS = 10_000;

    private static final Set<String> OPTIONS = Set.of("rules", "docs", "current-rules", "current-docs", "from", "to",
            "client-ref", "jdbc-url", "user", "password", "batch-size", "examples");
    private static final String USAGE = """
            usage: bin/replay --rules CANDIDATE_RULES_DIR [options]
              --rules DIR          candidate rules directory (required; may also be given as the first argument)
              --docs DIR           candidate kb-docs directory (default: the current docs directory)
              --current-rules DIR  rules in use now (default: rules)
              --current-docs DIR   kb-docs in use now (default: kb-docs)
              --from INSTANT       only screenings created at or after, e.g. 2025-01-01T00:00:00Z
              --to INSTANT         only screenings created before
              --client-ref REF     only screenings of this pseudonymous client reference
              --jdbc-url URL       database with stored screenings (default: %s)
              --user USER          database user (default: crosscheck)
              --password PASSWORD  database password (default: empty)
              --batch-size N       rows read per page (default: 200)
              --examples N         examples kept per kind of change (default: 5)
              --json               print the report as JSON instead of text
            Relative paths resolve against the working directory (bin/replay runs in the project root).
            """.formatted(DEFAULT_JDBC_URL);

    private ReplayCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs a replay; 0 when the report was printed, 2 for bad arguments, 1 when the replay could not run. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o = new HashMap<>();
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                }
                if (!OPTIONS.contains(name) || value == null) {
                    return usage(err, value == null && OPTIONS.contains(name) ? "--" + name + " needs a value" : "unknown option " + a);
                }
                o.put(name, value);
            } else if (!o.containsKey("rules")) {
                o.put("rules", a);
            } else {
                return usage(err, "unexpected argument " + a);
            }
        }
        if (!o.containsKey("rules")) {
            return usage(err, "the candidate rules directory is required (--rules DIR)");
        }
        Path currentRules = Path.of(o.getOrDefault("current-rules", "rules"));
        Path currentDocs = Path.of(o.getOrDefault("current-docs", "kb-docs"));
        Path candidateRules = Path.of(o.get("rules"));
        Path candidateDocs = Path.of(o.getOrDefault("docs", currentDocs.toString()));
        for (Path dir : List.of(currentRules, candidateRules)) {
            if (!Files.isDirectory(dir)) {
                return usage(err, "not a directory: " + dir.toAbsolutePath());
            }
        }
        if (o.containsKey("docs") && !Files.isDirectory(candidateDocs)) {
            return usage(err, "not a directory: " + candidateDocs.toAbsolutePath());
        }
        ReplayFilter filter;
        int batchSize;
        int examples;
        try {
            filter = new ReplayFilter(instant(o.get("from")), instant(o.get("to")), o.get("client-ref"));
            batchSize = Integer.parseInt(o.getOrDefault("batch-size", "200"));
            examples = Integer.parseInt(o.getOrDefault("examples", "5"));
        } catch (DateTimeParseException | NumberFormatException e) {
            return usage(err, e.getMessage());
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            return usage(err, "--from must be before --to");
        }
        if (batchSize < 1 || examples < 0) {
            return usage(err, "--batch-size must be positive and --examples not negative");
        }

        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
        KnowledgeSourceReader reader = new KnowledgeSourceReader();
        KnowledgeBase current = null;
        KnowledgeBase candidate = null;
        try {
            current = build(builder, reader, currentRules, currentDocs, "current", err);
            candidate = build(builder, reader, candidateRules, candidateDocs, "candidate", err);
            if (current == null || candidate == null) {
                return 1;
            }
            Instant startedAt = Instant.now();
            ReplayReport report;
            try (Connection db = DriverManager.getConnection(o.getOrDefault("jdbc-url", DEFAULT_JDBC_URL),
                    o.getOrDefault("user", "crosscheck"), o.getOrDefault("password", ""))) {
                db.setReadOnly(true);
                JdbcScreenings screenings = new JdbcScreenings(db, filter, startedAt);
                report = ReplayEngine.standalone(MAX_FIRINGS, examples).replay(current, candidate, filter, startedAt,
                        new ScreeningPages(screenings, batchSize), ReplayEngine.Listener.NONE);
            } catch (SQLException e) {
                err.println("replay: cannot open the database: " + e.getMessage().lines().findFirst().orElse(""));
                return 1;
            }
            if (json) {
                out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(report));
            } else {
                out.print(report.toText());
            }
            out.flush();
            return 0;
        } catch (Exception e) {
            err.println("replay: " + e.getMessage());
            return 1;
        } finally {
            if (current != null) {
                builder.release(current);
            }
            if (candidate != null) {
                builder.release(candidate);
            }
        }
    }

    private static KnowledgeBase build(KnowledgeBaseBuilder builder, KnowledgeSourceReader reader, Path rules, Path docs,
                                       String which, PrintStream err) {
        try {
            return builder.build(reader.fromDirectories(rules, docs));
        } catch (KnowledgeBaseException e) {
            err.println("replay: the " + which + " knowledge base (" + rules + ") does not compile:");
            e.problems().forEach(p -> err.println("  " + p));
            return null;
        }
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private static int usage(PrintStream err, String problem) {
        err.println("replay: " + problem);
        err.print(USAGE);
        return 2;
    }
}
