package io.crosscheck.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.replay.service.ReplayEngine;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseException;
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

    /** Runs {@code replay} with the given arguments and streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return CrosscheckCommand.commandLine(new ReplayCommand(), out, err).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        Path candidateRules = rules != null ? rules : positionalRules;
        if (candidateRules == null) {
            throw new CommandLine.ParameterException(cl, "the candidate rules directory is required (--rules DIR)");
        }
        Path candidateDocs = docs != null ? docs : currentDocs;
        for (Path dir : new Path[] {currentRules, candidateRules, candidateDocs}) {
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
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
        KnowledgeBase current = null;
        KnowledgeBase candidate = null;
        try {
            current = build(builder, currentRules, currentDocs, "current", err);
            candidate = build(builder, candidateRules, candidateDocs, "candidate", err);
            if (current == null || candidate == null) {
                return 1;
            }
            ScreeningEvaluator evaluator = ScreeningEvaluator.standalone(ValidateCommand.MAX_FIRINGS);
            ReplayEngine engine =
                    new ReplayEngine(evaluator, new ScenarioSuite(evaluator), examples, Clock.systemUTC());
            ScreeningFilter filter = new ScreeningFilter(from, to, clientRef);
            Instant startedAt = Instant.now();
            ReplayReport report;
            try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
                db.setReadOnly(true);
                report = engine.replay(
                        current,
                        candidate,
                        filter,
                        startedAt,
                        new ScreeningPages(new ScreeningQuery(db, filter, startedAt), batchSize),
                        ReplayEngine.Listener.NONE);
            } catch (SQLException e) {
                err.println("replay: cannot open the database: "
                        + e.getMessage().lines().findFirst().orElse(""));
                return 1;
            }
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
        } finally {
            if (current != null) {
                builder.release(current);
            }
            if (candidate != null) {
                builder.release(candidate);
            }
        }
    }

    private static KnowledgeBase build(
            KnowledgeBaseBuilder builder, Path rules, Path docs, String which, PrintWriter err) {
        try {
            return builder.build(new KnowledgeSourceReader().fromDirectories(rules, docs));
        } catch (KnowledgeBaseException e) {
            err.println("replay: the " + which + " knowledge base (" + rules + ") does not compile:");
            e.problems().forEach(p -> err.println(p));
            return null;
        }
    }
}
