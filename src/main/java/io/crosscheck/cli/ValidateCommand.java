package io.crosscheck.cli;

import io.crosscheck.authoring.lint.KbIndex;
import io.crosscheck.authoring.lint.LintSubject;
import io.crosscheck.authoring.scenario.ScenarioReport;
import io.crosscheck.authoring.service.KnowledgeBaseValidator;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Validates a knowledge base without a server: compile, lint, scenario suite, rule coverage, exactly
 * as hot reload does. Prints {@code file:line:column: message} lines (as compilers do, so editors and
 * CI can jump to them); exit code 0 when valid, 1 when not, 2 for a usage error. A knowledge base that
 * does not compile is still linted, so every problem shows in one run. {@code --fix-index} first
 * rewrites the generated blocks of {@code kb-docs/index.md}.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Compile, lint and run the scenario suite of a knowledge base; print file:line:column problems.")
public final class ValidateCommand implements Callable<Integer> {

    /** The service's default limit of rule firings per screening (crosscheck.knowledge.max-firings-per-session). */
    static final int MAX_FIRINGS = Integer.parseInt(KnowledgeConfig.DEFAULT_MAX_FIRINGS_PER_SESSION);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            defaultValue = "rules",
            description = "rules directory (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(
            names = "--docs",
            paramLabel = "DIR",
            defaultValue = "kb-docs",
            description = "kb-docs directory (default: ${DEFAULT-VALUE})")
    Path docs;

    @Option(
            names = "--index",
            paramLabel = "FILE",
            description = "also write the rule -> scenarios index (Markdown: every scenario that fires each rule)")
    Path index;

    @Option(
            names = "--fix-index",
            description = "first rewrite the generated blocks of kb-docs/index.md (rule and intervention counts and"
                    + " tables) from the rules, their pages and the catalogue, then validate")
    boolean fixIndex;

    /** Runs {@code validate} with the given arguments and streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return CrosscheckCommand.commandLine(new ValidateCommand(), out, err).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(rules)) {
            throw new CommandLine.ParameterException(spec.commandLine(), rules + ": not a directory");
        }
        if (fixIndex) {
            fixIndex(out, err);
        }
        KnowledgeSource source = new KnowledgeSourceReader().fromDirectories(rules, docs);
        KnowledgeBaseValidator validator = KnowledgeBaseValidator.standalone(MAX_FIRINGS);
        KnowledgeBaseValidator.Validation v = validator.validate(source);
        for (KnowledgeProblem p : v.problems()) {
            err.println(p);
        }
        ScenarioReport report = v.scenarios();
        if (report != null) {
            int failed = report.failed().size();
            out.printf("%d passed, %d failed%n", report.outcomes().size() - failed, failed);
            out.printf(
                    java.util.Locale.ROOT,
                    "rule coverage %.1f %% (%d rules)%n",
                    report.coveragePercent(),
                    report.allRuleIds().size());
            if (index != null) {
                Files.writeString(index, report.coverageMarkdown());
                out.println("rule -> scenarios index written to " + index);
            }
        }
        if (v.valid()) {
            out.println("knowledge base " + v.knowledgeBase().version() + " is valid");
            validator.release(v.knowledgeBase());
            return 0;
        }
        out.println(v.problems().size() + " problem(s); knowledge base rejected");
        return 1;
    }

    /** Rewrites the index's generated blocks; without readable reference data it says so and leaves the index. */
    private void fixIndex(PrintWriter out, PrintWriter err) throws IOException {
        KnowledgeSource source = new KnowledgeSourceReader().fromDirectories(rules, docs);
        ReferenceData reference = new KnowledgeBaseBuilder(Clock.systemUTC()).reference(source, new ArrayList<>());
        if (reference == null) {
            err.println(KbIndex.PATH + ": not rewritten: the reference data has problems (listed below)");
            return;
        }
        Path file = docs.resolve("index.md");
        String before = Files.exists(file) ? Files.readString(file) : "# Knowledge base index\n";
        String after = KbIndex.fix(before, LintSubject.uncompiled(source, reference));
        if (after.equals(before)) {
            out.println(KbIndex.PATH + ": generated blocks are up to date");
        } else {
            Files.writeString(file, after);
            out.println(KbIndex.PATH + ": generated blocks rewritten");
        }
    }
}
