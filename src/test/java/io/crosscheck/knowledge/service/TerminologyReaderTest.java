package io.crosscheck.knowledge.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reference data's standard codings and terminology.yaml are checked together; an older knowledge base without the file still reads. */
class TerminologyReaderTest {

    static Map<String, String> shippedReference() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(Path.of("rules/reference"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                files.put("rules/reference/" + p.getFileName(), Files.readString(p));
            }
        }
        return files;
    }

    static ReferenceData read(Map<String, String> files, List<KnowledgeProblem> problems) {
        return new ReferenceDataReader().read(new KnowledgeSource("test", files), problems);
    }

    @Test
    void aKnowledgeBaseWithoutTerminologyYamlReadsWithTheDefaultWindowsAndNoExtraCodings() throws Exception {
        Map<String, String> files = shippedReference();
        files.remove("rules/reference/terminology.yaml");
        List<KnowledgeProblem> problems = new ArrayList<>();
        ReferenceData data = read(files, problems);
        assertThat(problems).isEmpty();
        assertThat(data.terminology().windows().newOnsetDays()).isEqualTo(42);
        assertThat(data.terminology().problems()).isEmpty();
    }

    @Test
    void codingsThatCannotWorkRefuseTheKnowledgeBaseNamingEachProblem() throws Exception {
        Map<String, String> files = shippedReference();
        String terminology = files.get("rules/reference/terminology.yaml")
                .replace("newOnsetDays: 42", "newOnsetDays: 0")
                .replace("- region: upper_back", "- region: elbow")
                .replace(
                        "code: \"25064002\", display: Headache",
                        "code: \"404640003\", display: Dizziness") // already the dizziness red flag's
                .replace(
                        "{ linkId: \"/70274-6\", coding: { system: \"http://loinc.org\", code: \"70274-6\" } }",
                        "{ linkId: \"/70274-6\", coding: { system: \"http://loinc.org\", code: \"0000-0\" } }");
        files.put("rules/reference/terminology.yaml", terminology);
        List<KnowledgeProblem> problems = new ArrayList<>();
        assertThat(read(files, problems)).isNull();
        assertThat(problems)
                .extracting(KnowledgeProblem::message)
                .anySatisfy(m -> assertThat(m).startsWith("windows:"))
                .anySatisfy(m -> assertThat(m).isEqualTo("problem elbow/pain: unknown symptom region or kind"))
                .anySatisfy(m -> assertThat(m)
                        .isEqualTo("coding http://snomed.info/sct|404640003 stands for both symptom:head/headache"
                                + " and red-flag.dizziness"))
                .anySatisfy(m -> assertThat(m).contains("item /70274-6: its coding is no coding"));
    }
}
