package io.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.drl.RuleTexts;
import io.crosscheck.support.KnowledgeBaseCopy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/crosscheck new-rule} over a copy of rules/ and kb-docs/: it scaffolds a rule of the right family, its
 * kb-doc page and a scenario that fires it, and validation then reports nothing but the TODO markers to fill in.
 */
class NewRuleCommandTest {

    private final KnowledgeBaseCopy kb = KnowledgeBaseCopy.create();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void cleanUp() {
        kb.reset();
    }

    private int crosscheck(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--rules", kb.rules().toString(), "--docs", kb.docs().toString()));
        return CrosscheckCommand.run(
                all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The highest number of a family among the kb-doc pages of the copy. */
    private int highest(String family) throws IOException {
        try (Stream<Path> pages = Files.list(kb.docs().resolve("rules"))) {
            return pages.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(family + "-"))
                    .mapToInt(n -> Integer.parseInt(n.substring(4, 7)))
                    .max()
                    .orElseThrow();
        }
    }

    @Test
    void aFamilyGetsItsNextFreeIdAndValidationThenReportsOnlyWhatIsNotFilledIn() throws IOException {
        String id = String.format("LCS-%03d", highest("LCS") + 1);

        int exit = crosscheck(
                "new-rule", "--family", "LCS", "--stage", "findings", "--title", "Hip drop in single-leg stance");

        assertThat(exit).as(err()).isZero();
        assertThat(out()).contains("scaffolded " + id).contains("rules/lower_crossed/lcs-findings.drl");
        String drl = kb.read("rules/lower_crossed/lcs-findings.drl");
        assertThat(RuleTexts.rules("x.drl", drl, new ArrayList<>())).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.stage()).isEqualTo("findings");
            assertThat(r.name()).isEqualTo(id + ": Hip drop in single-leg stance");
        });
        assertThat(kb.read("kb-docs/rules/" + id + ".md")).startsWith("---\nid: " + id + "\ntitle: ");
        Path scenario = kb.rules().resolve("scenarios/" + id.toLowerCase() + "-hip-drop-in-single-leg-stance.yaml");
        assertThat(Files.readString(scenario)).contains("{ rule: " + id + " }");

        int valid = ValidateCommand.run(
                new String[] {
                    "--rules", kb.rules().toString(), "--docs", kb.docs().toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(valid).isEqualTo(1);
        assertThat(out()).contains(" passed, 0 failed").contains("rule coverage 100.0 %");
        List<String> problems = err().lines().toList();
        Pattern notFilledIn = Pattern.compile("^(\\S+):(\\d+):(\\d+): not filled in: .*TODO.*$");
        assertThat(problems)
                .as("every problem is a TODO to fill in, or the index the author regenerates once they are")
                .allMatch(p -> notFilledIn.matcher(p).matches()
                        || p.startsWith("kb-docs/index.md:") && p.endsWith("run bin/crosscheck validate --fix-index"));
        assertThat(out()).contains("then run bin/crosscheck validate --fix-index");
        assertThat(problems.stream().map(p -> {
                    Matcher m = notFilledIn.matcher(p);
                    return m.matches() ? m.group(1) : p;
                }))
                .contains(
                        "rules/lower_crossed/lcs-findings.drl",
                        "kb-docs/rules/" + id + ".md",
                        "rules/scenarios/" + scenario.getFileName());
    }

    @Test
    void anIdInUseAnUnknownStageAndAFamilyWithoutRulesAreUsageErrorsThatWriteNothing() throws IOException {
        String before = kb.read("rules/lower_crossed/lcs-findings.drl");

        assertThat(crosscheck("new-rule", "--id", "LCS-010", "--stage", "findings", "--title", "x"))
                .isEqualTo(2);
        assertThat(err()).contains("LCS-010 is already used");
        assertThat(crosscheck("new-rule", "--family", "LCS", "--stage", "diagnosis", "--title", "x"))
                .isEqualTo(2);
        assertThat(err()).contains("--stage must be one of safety, findings, patterns, plan, gate");
        assertThat(crosscheck("new-rule", "--family", "ZZZ", "--stage", "plan", "--title", "x"))
                .isEqualTo(2);
        assertThat(err()).contains("no rule of family ZZZ yet: name the DRL file with --file");
        assertThat(crosscheck("new-rule", "--id", "lcs-99", "--stage", "plan", "--title", "x"))
                .isEqualTo(2);
        assertThat(err()).contains("three capital letters, a dash and three digits");

        assertThat(kb.read("rules/lower_crossed/lcs-findings.drl")).isEqualTo(before);
        assertThat(kb.docs().resolve("rules/ZZZ-001.md")).doesNotExist();
    }

    @Test
    void aNewFamilyGoesToTheNamedFileWhichStartsWithItsPackage() throws IOException {
        int exit = crosscheck(
                "new-rule", "--id", "ZZZ-001", "--stage", "plan", "--title", "A new family", "--file", "plan/zzz.drl");

        assertThat(exit).as(err()).isZero();
        String drl = kb.read("rules/plan/zzz.drl");
        assertThat(drl).startsWith("package rules.plan;\n\nimport io.crosscheck.engine.facts.*;\n");
        assertThat(RuleTexts.rules("rules/plan/zzz.drl", drl, new ArrayList<>()))
                .singleElement()
                .satisfies(r -> assertThat(r.stage()).isEqualTo("plan"));
        assertThat(kb.docs().resolve("rules/ZZZ-001.md")).exists();
    }
}
