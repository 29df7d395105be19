package io.crosscheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scaffolds a rule, its kb-doc page and a scenario that fires it ({@link RuleScaffold}); {@code bin/validate-rules}
 * then reports each {@code TODO} the author still has to fill in. Exit codes: 0 written, 2 a usage error (an id in
 * use, an unknown stage, a family without a file).
 */
@Command(
        name = "new-rule",
        mixinStandardHelpOptions = true,
        description = "Scaffold a rule, its kb-doc page and a scenario that fires it; bin/validate-rules then lists "
                + "every TODO still to fill in.")
public final class NewRuleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Which {
        @Option(names = "--id", paramLabel = "ID", description = "the new rule's id, e.g. LCS-014")
        String id;

        @Option(
                names = "--family",
                paramLabel = "FAM",
                description = "a rule family, e.g. LCS: the next free id of the family is taken")
        String family;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(
            names = "--stage",
            required = true,
            paramLabel = "STAGE",
            description = "its ruleflow group: safety, findings, patterns, plan or gate")
    String stage;

    @Option(names = "--title", required = true, paramLabel = "TEXT", description = "what the rule concludes, in words")
    String title;

    @Option(
            names = "--file",
            paramLabel = "DRL",
            description = "the DRL file (under the rules directory) to add it to; default: the family's file for the"
                    + " stage")
    String file;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "default: ${DEFAULT-VALUE}")
    Path rules;

    @Option(names = "--docs", paramLabel = "DIR", defaultValue = "kb-docs", description = "default: ${DEFAULT-VALUE}")
    Path docs;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(rules)) {
            throw new CommandLine.ParameterException(spec.commandLine(), rules + ": not a directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> written;
        RuleScaffold.Plan plan;
        try {
            RuleScaffold scaffold = new RuleScaffold(rules, docs, LocalDate.now());
            plan = scaffold.plan(which.id, which.family, stage, title, file);
            written = scaffold.write(plan);
        } catch (RuleScaffold.Refused e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        out.println("scaffolded " + plan.id() + ":");
        written.forEach(f -> out.println("  " + f));
        out.println("Fill in every TODO (bin/validate-rules lists them as \"not filled in\"), then run "
                + "bin/crosscheck validate --fix-index to list the rule in kb-docs/index.md.");
        return 0;
    }
}
