package io.crosscheck.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crosscheck} command line: rule-author tools that run from the built artefacts, without
 * a server and without Maven ({@code bin/crosscheck}). Exit codes: 0 success, 1 the check or the
 * replay failed, 2 a usage error.
 */
@Command(
        name = "crosscheck",
        mixinStandardHelpOptions = true,
        version = "crosscheck 0.1",
        description =
                "Crosscheck tools: validate a knowledge base, replay a rule change, check the audit chain, write the fact-model reference, scaffold a rule.",
        subcommands = {
            ValidateCommand.class,
            ReplayCommand.class,
            AuditCheckCommand.class,
            EhrKeyCommand.class,
            CdsTokenCommand.class,
            FactModelCommand.class,
            NewRuleCommand.class
        })
public final class CrosscheckCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Drools' own report of a failed build: the validator prints its errors translated, as file:line:column. */
    private static final java.util.logging.Logger KIE_BUILD =
            java.util.logging.Logger.getLogger("org.drools.compiler.kie.builder.impl.KieProject");

    public static void main(String[] args) {
        // the tools' output is their report; libraries (Drools, Hibernate Validator) only speak up on warnings
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        KIE_BUILD.setLevel(java.util.logging.Level.OFF);
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(new CrosscheckCommand(), out, err).execute(args);
    }

    static CommandLine commandLine(Object command, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "a subcommand is required (validate, replay, audit-check, ehr-key, cds-token, fact-model or new-rule)");
    }
}
