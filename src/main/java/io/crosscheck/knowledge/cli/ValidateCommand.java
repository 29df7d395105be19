package io.crosscheck.knowledge.cli;

import io.crosscheck.knowledge.model.KnowledgeProblem;
import io.crosscheck.knowledge.model.KnowledgeSource;
import io.crosscheck.knowledge.scenario.ScenarioReport;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeBaseValidator;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Validates a knowledge base without a server: compile, lint, scenario suite, rule coverage.
 * Prints {@code file:line:column: message} lines (as compilers do, so editors and CI can jump to
 * them) and exits non-zero on any problem.
 *
 * <pre>bin/validate-rules [--rules rules] [--docs kb-docs]</pre>
 */
public final class ValidateCommand {

    private ValidateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path rules = Path.of("rules");
        Path docs = Path.of("kb-docs");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> rules = Path.of(args[++i]);
                case "--docs" -> docs = Path.of(args[++i]);
                case "--help", "-h" -> {
                    out.println("usage: validate-rules [--rules DIR] [--docs DIR]");
                    return 0;
                }
                default -> {
                    err.println("unknown argument: " + args[i]);
                    return 2;
                }
            }
        }
        if (!Files.isDirectory(rules)) {
            err.println(rules + ": not a directory");
            return 2;
        }
        KnowledgeSource source = new KnowledgeSourceReader().fromDirectories(rules, docs);
        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
        KnowledgeBaseValidator.Validation v = new KnowledgeBaseValidator(builder, 10_000).validate(source);
        for (KnowledgeProblem p : v.problems()) {
            err.println(p);
        }
        ScenarioReport report = v.scenarios();
        if (report != null) {
            int failed = report.failed().size();
            out.printf(Locale.ROOT, "%d passed, %d failed%n", report.outcomes().size() - failed, failed);
            out.printf(Locale.ROOT, "rule coverage %.1f %% (%d rules)%n", report.coveragePercent(), report.allRuleIds().size());
        }
        if (v.valid()) {
            out.println("knowledge base " + v.knowledgeBase().version() + " is valid");
            builder.release(v.knowledgeBase());
            return 0;
        }
        out.println(v.problems().size() + " problem(s); knowledge base rejected");
        return 1;
    }
}
