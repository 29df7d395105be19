package io.crosscheck.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.replay.service.ReplayEngine;
import io.crosscheck.authoring.replay.service.SandboxedReplay;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.screening.store.ScreeningFilter;
import io.crosscheck.screening.store.ScreeningPages;
import io.crosscheck.screening.store.ScreeningQuery;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Replays a rule change without a running server: builds the current and the candidate knowledge base
 * from directories, reads stored screenings over JDBC (read-only) with the same query as the replay
 * endpoint and prints the same report as {@code POST /api/v1/knowledge-base/replays}. Exit code 0 when
 * the report was printed, 1 when the replay could not run, 2 for a usage error.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description =
                "Replay stored screenings and the scenario suite under a candidate rules directory and print "
                        + "what would change. Relative paths resolve against the working directory (bin/ scripts run in the project root).")
public final class ReplayCommand implements Callable<Integer> {

    /** The service's default database, opened read-only and never created. */
    public static final String DEFAULT_JDBC_URL = "jdbc:h2:file:./data/crosscheck;IFEXISTS=TRUE;ACCESS_MODE_DATA=r";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "CANDIDATE_RULES_DIR",
            description = "the candidate rules directory (or --rules)")
    Path positionalRules;

    @Option(names = "--rules", paramLabel = "DIR", description = "candidate rules directory (required)")
    Path rules;

    @Option(
            names = "--docs",
            paramLabel = "DIR",
            description = "candidate kb-docs directory (default: the current docs directory)")
    Path docs;

    @Option(
            names = "--current-rules",
            paramLabel = "DIR",
            defaultValue = "rules",
            description = "rules in use now (default: ${DEFAULT-VALUE})")
    Path currentRules;

    @Option(
            names = "--current-docs",
            paramLabel = "DIR",
            defaultValue = "kb-docs",
            description = "kb-docs in use now (default: ${DEFAULT-VALUE})")
    Path currentDocs;

    @Option(
            names = "--from",
            paramLabel = "INSTANT",
            description = "only screenings created at or after, e.g. 2025-01-01T00:00:00Z")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "only screenings created before")
    Instant to;

    @Option(
            names = "--client-ref",
            paramLabel = "REF",
            description = "only screenings of this pseudonymous client reference")
    String clientRef;

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            defaultValue = DEFAULT_JDBC_URL,
            description = "database with stored screenings (default: ${DEFAULT-VALUE})")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "crosscheck", description = "database user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", defaultValue = "", description = "database password (default: empty)")
    String password;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "200",
            description = "rows read per page (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(
            names = "--examples",
            paramLabel = "N",
            defaultValue = "5",
            description = "examples kept per kind of change (default: ${DEFAULT-VALUE})")
    int examples;

    @Option(names = "--json", description = "print the report as JSON instead of text")
    boolean json;

    @Option(
            names = "--candidate-version",
            paramLabel = "VERSION",
            description = "the candidate is a version stored in the database (a proposal or one that was live, "
                    + "sha256:...) instead of a directory; it is compiled and run in a confined process of its own, "
                    + "as the service does")
    String candidateVersion;

    @Option(
            names = "--current-version",
            paramLabel = "VERSION",
            description = "compare against a version stored in the database (sha256:... or 'active', the "
                    + "deployment's active version) instead of --current-rules")
    String currentVersion;

    /** Runs {@code replay} with the given arguments and streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return CrosscheckCommand.commandLine(new ReplayCommand(), out, err).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        Path candidateRules = rules != null ? rules : positionalRules;
        if ((candidateRules == null) == (candidateVersion == null)) {
            throw new CommandLine.ParameterException(
                    cl, "give the candidate as a rules directory (--rules DIR) or as --candidate-version, not both");
        }
        Path candidateDocs = docs != null ? docs : currentDocs;
        List<Path> dirs = new ArrayList<>();
        if (currentVersion == null) {
            dirs.add(currentRules);
        }
        if (candidateRules != null) {
            dirs.add(candidateRules);
            dirs.add(candidateDocs);
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(cl, "not a directory: " + dir.toAbsolutePath());
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new CommandLine.ParameterException(cl, "--from must be before --to");
        }
        if (batchSize < 1 || examples < 0) {
            throw new CommandLine.ParameterException(cl, "--batch-size must be positive and --examples not negative");
        }
        PrintWriter err = cl.getErr();
        ScreeningEvaluator evaluator = ScreeningEvaluator.standalone(ValidateCommand.MAX_FIRINGS);
        ScreeningFilter filter = new ScreeningFilter(from, to, clientRef);
        Instant startedAt = Instant.now();
        ReplayReport report;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            db.setReadOnly(true);
            StoredVersions stored = new StoredVersions(db, evaluator.json());
            KnowledgeSource current = currentVersion == null
                    ? new KnowledgeSourceReader().fromDirectories(currentRules, currentDocs)
                    : stored(stored, currentVersion, "--current-version", err);
            KnowledgeSource candidate = candidateVersion == null
                    ? new KnowledgeSourceReader().fromDirectories(candidateRules, candidateDocs)
                    : stored(stored, candidateVersion, "--candidate-version", err);
            if (current == null || candidate == null) {
                return 1;
            }
            ScreeningQuery query = new ScreeningQuery(db, filter, startedAt);
            ScreeningPages rows = new ScreeningPages(query, batchSize);
            report = candidateVersion == null
                    ? inProcess(current, candidate, filter, startedAt, rows, evaluator, err)
                    : confined(current, candidate, filter, startedAt, rows, query.count(), err);
        } catch (SQLException e) {
            err.println("replay: cannot read the database: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return 1;
        }
        if (report == null) {
            return 1;
        }
        PrintWriter out = cl.getOut();
        if (json) {
            out.println(evaluator
                    .json()
                    .copy()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report));
        } else {
            out.print(report.toText());
        }
        out.flush();
        return 0;
    }

    private static KnowledgeSource stored(StoredVersions stored, String version, String option, PrintWriter err)
            throws SQLException, java.io.IOException {
        var source = stored.source(version);
        if (source.isEmpty()) {
            err.println("replay: " + option + " " + version + " is not stored in the database"
                    + (StoredVersions.ACTIVE.equals(version) ? " (nothing was activated yet)" : ""));
        }
        return source.orElse(null);
    }

    /** The operator's own directories: compiled and run here, as before. */
    private ReplayReport inProcess(
            KnowledgeSource current,
            KnowledgeSource candidate,
            ScreeningFilter filter,
            Instant startedAt,
            ScreeningPages rows,
            ScreeningEvaluator evaluator,
            PrintWriter err) {
        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
        KnowledgeBase now = null;
        KnowledgeBase proposed = null;
        try {
            now = build(builder, current, "current", err);
            proposed = build(builder, candidate, "candidate", err);
            if (now == null || proposed == null) {
                return null;
            }
            ReplayEngine engine =
                    new ReplayEngine(evaluator, new ScenarioSuite(evaluator), examples, Clock.systemUTC());
            return engine.replay(now, proposed, filter, startedAt, rows, ReplayEngine.Listener.NONE);
        } finally {
            if (now != null) {
                builder.release(now);
            }
            if (proposed != null) {
                builder.release(proposed);
            }
        }
    }

    /**
     * A stored version is an author's upload, not the operator's files: it is compiled and run in a confined
     * process of its own, exactly as the service replays it (docs/adr/0007), and sees no client reference.
     */
    private ReplayReport confined(
            KnowledgeSource current,
            KnowledgeSource candidate,
            ScreeningFilter filter,
            Instant startedAt,
            ScreeningPages rows,
            long screenings,
            PrintWriter err) {
        SandboxedReplay sandbox = SandboxedReplay.forCommandLine(ValidateCommand.MAX_FIRINGS, examples, null);
        try (SandboxedReplay.Child child = sandbox.start(current, candidate, filter, startedAt, screenings)) {
            return child.replay(rows, n -> {});
        } catch (KnowledgeBaseException e) {
            err.println("replay: the candidate " + candidate.origin() + " was not replayed:");
            e.problems().forEach(err::println);
            return null;
        } catch (IllegalStateException e) {
            err.println("replay: " + e.getMessage());
            return null;
        }
    }

    private static KnowledgeBase build(
            KnowledgeBaseBuilder builder, KnowledgeSource source, String which, PrintWriter err) {
        try {
            return builder.build(source);
        } catch (KnowledgeBaseException e) {
            err.println("replay: the " + which + " knowledge base (" + source.origin() + ") does not compile:");
            e.problems().forEach(p -> err.println(p));
            return null;
        }
    }
}
