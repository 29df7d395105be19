package io.crosscheck.authoring.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.json.Yaml;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/scenarios.md documents the scenario format in full: at each level (the file, {@code expect}, its
 * {@code interventions}, an explanation entry) it lists exactly the keys the scenario parser accepts, and every
 * example it gives is read by the loader without a problem.
 */
class ScenarioFormatDocTest {

    static final Path DOC = Path.of("docs/scenarios.md");
    static final ObjectMapper YAML = Yaml.strictMapper();

    /** The doc's key tables, by heading, and the type the parser reads at that level. */
    static final Map<String, Class<?>> LEVELS = Map.of(
            "## Top-level keys", Scenario.class,
            "## Expectation keys", Scenario.Expect.class,
            "## Keys of `interventions`", Scenario.Interventions.class,
            "## Keys of an explanation entry", Scenario.ExplanationEntry.class);

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\|.*\\| `([^`]+)` \\|$");

    /** Heading -> (key -> example), read from the doc's tables. */
    static Map<String, Map<String, String>> documented() throws IOException {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("## ")) {
                current = LEVELS.containsKey(line) ? tables.computeIfAbsent(line, h -> new LinkedHashMap<>()) : null;
            } else if (current != null) {
                Matcher m = ROW.matcher(line);
                if (m.matches()) {
                    current.put(m.group(1), m.group(2));
                }
            }
        }
        return tables;
    }

    static Set<String> accepted(Class<?> type) {
        BeanDescription d = YAML.getDeserializationConfig().introspect(YAML.constructType(type));
        return d.findProperties().stream()
                .filter(BeanPropertyDefinition::couldDeserialize)
                .map(BeanPropertyDefinition::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void atEveryLevelTheDocListsExactlyTheKeysTheParserAccepts() throws IOException {
        Map<String, Map<String, String>> tables = documented();
        assertThat(tables.keySet()).containsExactlyInAnyOrderElementsOf(LEVELS.keySet());
        LEVELS.forEach(
                (heading, type) -> assertThat(new TreeSet<>(tables.get(heading).keySet()))
                        .as("keys documented under \"%s\" against those %s accepts", heading, type.getSimpleName())
                        .isEqualTo(accepted(type)));
        assertThat(tables.get("## Expectation keys")).containsKeys("precautions", "absent", "dependsOn");
    }

    @Test
    void everyExampleInTheDocIsReadByTheScenarioLoader() throws IOException {
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> table : documented().entrySet()) {
            for (Map.Entry<String, String> row : table.getValue().entrySet()) {
                ObjectNode scenario = scenarioWith(table.getKey(), YAML.readTree(row.getValue()));
                List<KnowledgeProblem> problems = new ArrayList<>();
                List<Scenario> loaded = load(scenario.toString(), problems);
                if (loaded.size() != 1 || !problems.isEmpty()) {
                    refused.add(row.getKey() + " (" + row.getValue() + "): " + problems);
                }
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void aKeyTheDocDoesNotListIsAProblemNamingIt() {
        List<KnowledgeProblem> problems = new ArrayList<>();
        List<Scenario> loaded = load(
                "title: t\nrequest: { client: { age: 40 } }\nexpect:\n  plan: provisional\n  precaution: []\n",
                problems);
        assertThat(loaded).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("rules/scenarios/doc.yaml:");
            assertThat(p.message()).contains("precaution");
        });
    }

    private static List<Scenario> load(String text, List<KnowledgeProblem> problems) {
        return ScenarioSuite.load(
                new KnowledgeSource("scenario doc", Map.of(ScenarioSuite.DIR + "doc.yaml", text)), problems);
    }

    /** A minimal scenario with one documented example put at its level. */
    private static ObjectNode scenarioWith(String heading, JsonNode example) {
        ObjectNode root = YAML.createObjectNode();
        root.put("title", "doc example");
        root.putObject("request").putObject("client").put("age", 40);
        ObjectNode expect = root.putObject("expect");
        expect.put("plan", "provisional");
        switch (heading) {
            case "## Top-level keys" -> root.setAll((ObjectNode) example);
            case "## Expectation keys" -> expect.setAll((ObjectNode) example);
            case "## Keys of `interventions`" -> expect.set("interventions", example);
            default -> {
                ObjectNode entry = YAML.createObjectNode().put("rule", "LCS-010");
                entry.setAll((ObjectNode) example);
                expect.putArray("explanation").add(entry);
            }
        }
        return root;
    }
}
