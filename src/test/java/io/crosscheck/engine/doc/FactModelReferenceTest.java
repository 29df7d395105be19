package io.crosscheck.engine.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.cli.CrosscheckCommand;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.support.RuleHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fact-model reference authors read (docs/fact-model.md) is what the engine's fact classes say: the committed file
 * is the command's output, every field and method of the fact model has a description, and every example condition
 * compiles against the shipped reference data.
 */
class FactModelReferenceTest {

    static final Path COMMITTED = Path.of("docs/fact-model.md");

    @Test
    void theCommittedReferenceIsWhatTheCommandWritesFromTheFactClasses() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CrosscheckCommand.run(
                new String[] {"fact-model"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String generated = out.toString(StandardCharsets.UTF_8);
        assertThat(generated)
                .as("the command writes the same reference as the generator")
                .isEqualTo(FactModelReference.markdown(
                        RuleHarness.shipped().knowledgeBase().reference(),
                        RuleHarness.shipped().knowledgeBase().parsedRules()));
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        assertThat(committed)
                .withFailMessage(
                        "%s is out of date with the fact classes or the reference data: regenerate it with `%s` and commit it",
                        COMMITTED, FactModelReference.COMMAND)
                .isEqualTo(generated);
    }

    @Test
    void everyFieldMethodAndConstantOfTheFactModelHasADescriptionAndEveryTypeAnExample() {
        assertThat(FactModelReference.undocumented())
                .as("fact-model members without @FactDoc (io.crosscheck.engine.doc.FactDoc)")
                .isEmpty();
    }

    /** A fact class as a new field is added to it without saying what it is. */
    @FactDoc(value = "A fixture fact.", example = "$f : Fact()")
    public static final class Undocumented {
        @FactDoc("Documented.")
        public String getCode() {
            return "x";
        }

        public Integer getWeeks() {
            return 1;
        }

        public boolean shows(String code) {
            return false;
        }
    }

    @Test
    void aFieldOrMethodWithoutADescriptionIsNamed() {
        assertThat(FactModelReference.undocumented(List.of(Undocumented.class)))
                .containsExactly("Undocumented.weeks", "Undocumented.shows()");
    }

    @Test
    void everyExampleConditionCompilesAgainstTheShippedReferenceData() {
        KnowledgeBase shipped = RuleHarness.shipped().knowledgeBase();
        StringBuilder drl = new StringBuilder("""
                package rules.examples;

                import io.crosscheck.engine.facts.*;
                global io.crosscheck.engine.ReferenceIndex reference;
                """);
        int n = 0;
        for (Map.Entry<String, String> e : FactModelReference.examples().entrySet()) {
            String id = String.format("EXA-%03d", ++n);
            drl.append("\nrule \"")
                    .append(id)
                    .append(": ")
                    .append(e.getKey())
                    .append("\"\n    @id(\"")
                    .append(id)
                    .append("\")\n    ruleflow-group \"plan\"\nwhen\n")
                    .append(e.getValue().indent(4))
                    .append("then\nend\n");
        }
        assertThat(n)
                .isEqualTo(io.crosscheck.engine.drl.DrlAllowList.factTypes().size());
        Map<String, String> files = new TreeMap<>();
        shipped.source().files().forEach((path, text) -> {
            if (path.startsWith(KnowledgeSource.RULES + "reference/")) {
                files.put(path, text);
            }
        });
        files.put(KnowledgeSource.RULES + "examples/examples.drl", drl.toString());
        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
        try {
            builder.release(builder.build(new KnowledgeSource("fact-model examples", files)));
        } catch (KnowledgeBaseException e) {
            throw new AssertionError("example conditions that do not compile:\n"
                    + String.join(
                            "\n", e.problems().stream().map(Object::toString).toList()) + "\n" + drl);
        }
    }
}
