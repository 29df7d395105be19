package io.crosscheck.knowledge.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The generated part of a version label: what a version changed, in a few words, read from the shipped rules. */
class ChangeSummaryTest {

    static final Map<String, String> SHIPPED = read();

    static Map<String, String> read() {
        Map<String, String> files = new TreeMap<>();
        for (String root : new String[] {"rules", "kb-docs"}) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(Files::isRegularFile)
                        .forEach(p -> files.put(p.toString().replace('\\', '/'), readString(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> edited(String path, UnaryOperator<String> edit) {
        Map<String, String> files = new TreeMap<>(SHIPPED);
        String before = files.get(path);
        String after = edit.apply(before);
        assertThat(after).as("the edit changes " + path).isNotEqualTo(before);
        files.put(path, after);
        return files;
    }

    @Test
    void aThresholdChangeNamesTheThresholdAndBothValues() {
        var after = edited(
                "rules/reference/thresholds.yaml",
                t -> t.replace("comparator: \"<\", value: 50, unit: deg", "comparator: \"<\", value: 48, unit: deg"));

        assertThat(ChangeSummary.of(SHIPPED, after)).isEqualTo("thresholds.yaml: cva_forward_head value 50 → 48");
    }

    @Test
    void aDoseChangeNamesTheInterventionAndThePartOfTheDoseThatChanged() {
        var after = edited(
                "rules/reference/interventions.yaml",
                t -> t.replace("dose: \"Static 10-30 s, 2-4 repetitions", "dose: \"Static 30-45 s, 2-4 repetitions"));

        assertThat(ChangeSummary.of(SHIPPED, after))
                .isEqualTo("interventions.yaml: hip_flexor_stretch dose 10-30 → 30-45");
    }

    @Test
    void ruleChangesAreNamedByIdAndOtherFilesByKindAndCount() {
        Map<String, String> after = edited(
                "rules/breathing/breathing.drl",
                t -> first(
                        t,
                        "insert( new Finding( $finding, null ) );\nend",
                        "insert( new Finding( $finding, null ) ); // reviewed\nend"));
        after.put("rules/breathing/extra.drl", """
                package rules.breathing;
                import io.crosscheck.engine.facts.*;

                rule "BRE-900: a new rule"
                    @id("BRE-900")
                    ruleflow-group "findings"
                when
                    Answer( section == "breathing", yes )
                then
                end
                """);
        after.put("rules/scenarios/new-one.yaml", "title: new\n");
        after.put("kb-docs/rules/BRE-900.md", "---\nid: BRE-900\n---\n");
        after.remove("rules/scenarios/" + firstScenario());

        assertThat(ChangeSummary.of(SHIPPED, after))
                .isEqualTo(
                        "BRE-001 changed; BRE-900 added; 1 scenario added; 1 scenario removed; 1 kb-docs page added");
    }

    @Test
    void longListsOfIdsAreCutAfterThree() {
        Map<String, String> after = new TreeMap<>(SHIPPED);
        after.remove("rules/lower_crossed/lcs-findings.drl");

        String summary = ChangeSummary.of(SHIPPED, after);

        assertThat(summary).matches("LCS-\\d+, LCS-\\d+, LCS-\\d+ \\+7 more removed");
        assertThat(summary).doesNotContain("lcs-findings.drl");
    }

    @Test
    void theSameFilesAreNoChange() {
        assertThat(ChangeSummary.of(SHIPPED, new TreeMap<>(SHIPPED))).isEqualTo("no change");
    }

    private static String first(String text, String what, String with) {
        int at = text.indexOf(what);
        return text.substring(0, at) + with + text.substring(at + what.length());
    }

    private static String firstScenario() {
        return SHIPPED.keySet().stream()
                .filter(p -> p.startsWith("rules/scenarios/"))
                .findFirst()
                .orElseThrow()
                .substring("rules/scenarios/".length());
    }
}
