package io.crosscheck.cli;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.doc.FactModelReference;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the fact-model reference for rule authors: every fact type, its fields, their types and values (with the
 * codes of the knowledge base's reference data) and an example condition, generated from the engine's fact classes.
 * {@code bin/crosscheck fact-model > docs/fact-model.md} writes the committed copy.
 */
@Command(
        name = "fact-model",
        mixinStandardHelpOptions = true,
        description = "Print the fact-model reference (Markdown) for rule authors; "
                + "bin/crosscheck fact-model > docs/fact-model.md regenerates the committed one.")
public final class FactModelCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            defaultValue = "rules",
            description = "rules directory whose reference data lists the codes (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(
            names = "--docs",
            paramLabel = "DIR",
            defaultValue = "kb-docs",
            description = "kb-docs directory (default: ${DEFAULT-VALUE})")
    Path docs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(rules)) {
            throw new CommandLine.ParameterException(spec.commandLine(), rules + ": not a directory");
        }
        KnowledgeSource source = new KnowledgeSourceReader().fromDirectories(rules, docs);
        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
        KnowledgeBase kb;
        try {
            kb = builder.build(source);
        } catch (KnowledgeBaseException e) {
            e.problems().forEach(err::println);
            err.println("the knowledge base does not compile: no fact-model reference written");
            return 1;
        }
        try {
            out.print(FactModelReference.markdown(kb.reference(), kb.parsedRules()));
            out.flush();
            return 0;
        } finally {
            builder.release(kb);
        }
    }
}
