package io.crosscheck.engine.drl;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.facts.Answer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FactModelTest {

    @Test
    void everyClassOfTheFactPackageIsInTheFactModel() throws IOException, URISyntaxException {
        Path facts = Path.of(Answer.class.getResource("Answer.class").toURI()).getParent();
        List<String> classes;
        try (Stream<Path> files = Files.list(facts)) {
            classes = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> "io.crosscheck.engine.facts." + n.substring(0, n.length() - ".class".length()))
                    .toList();
        }
        assertThat(classes).hasSizeGreaterThan(10);
        assertThat(FactModel.FACTS.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(classes);
    }

    @Test
    void aRuleReachesTheMethodsOfFactsAndOfTheEngineTypesTheyReturn() {
        assertThat(FactModel.isMember("getSide")).isTrue(); // a fact's getter
        assertThat(FactModel.isMember("side")).isTrue(); // as a property
        assertThat(FactModel.isMember("phrase")).isTrue(); // InputDefinition, returned by Answer.definition()
        assertThat(FactModel.isMember("threshold")).isTrue(); // the global reference
        assertThat(FactModel.isMember("URGENT")).isTrue(); // an enum constant
    }

    @Test
    void noMemberThatReachesTheJvmOrReflectionIsAllowed() {
        assertThat(List.of(
                        "getClass",
                        "class",
                        "getDeclaringClass",
                        "forName",
                        "getClassLoader",
                        "invoke",
                        "exec",
                        "getRuntime",
                        "getInteger",
                        "getenv",
                        "setProperty",
                        "wait",
                        "notify"))
                .noneMatch(FactModel::isMember);
    }
}
