package io.crosscheck.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseCompiler;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.CompiledModuleCache;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import io.crosscheck.support.BrokenRules;
import io.crosscheck.support.ModuleReuse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;

class KnowledgeBaseBuilderTest {

    private final KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
    private final KnowledgeSource shipped =
            new KnowledgeSourceReader().fromDirectories(Path.of("rules"), Path.of("kb-docs"));

    @Test
    void theShippedRulesCompileAndEveryRuleIsIndexedWithIdFileAndLine() {
        KnowledgeBase kb = builder.build(shipped);
        assertThat(kb.rules()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.id()).matches("[A-Z]{3}-\\d{3}");
            assertThat(r.name()).startsWith(r.id() + ": ");
            assertThat(r.file()).startsWith("rules/").endsWith(".drl");
            assertThat(r.line()).isPositive();
            assertThat(r.stage()).isIn("safety", "findings", "patterns", "plan", "gate");
        });
        builder.release(kb);
    }

    @Test
    void aSyntaxErrorIsReportedAtFileLineAndColumn() {
        KnowledgeProblem problem = problemsOf(with("rules/plan/broken.drl", BrokenRules.SYNTAX_ERROR_AT_LINE_6))
                .problems()
                .get(0);
        assertThat(problem.file()).isEqualTo("rules/plan/broken.drl");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.toString()).matches("rules/plan/broken\\.drl:6:\\d+: .+");
    }

    @Test
    void aRuleWithoutAnIdOrWithADuplicateIdIsRejected() {
        KnowledgeBaseException e = problemsOf(with("rules/plan/extra.drl", """
                package rules.plan;
                import io.crosscheck.engine.facts.*;
                rule "No id here"
                when
                    Finding()
                then
                end

                rule "INT-001: a second rule claiming INT-001"
                    @id("INT-001")
                when
                    Finding()
                then
                end
                """));
        assertThat(e.problems())
                .extracting(KnowledgeProblem::toString)
                .anyMatch(s -> s.startsWith("rules/plan/extra.drl:3:1: rule \"No id here\" has no @id"))
                .anyMatch(s -> s.contains("duplicate rule id INT-001"));
    }

    @Test
    void aTypoInReferenceDataIsReportedAtItsLine() {
        String thresholds =
                shipped.files().get("rules/reference/thresholds.yaml").replaceFirst("comparator:", "comparater:");
        KnowledgeBaseException e = problemsOf(with("rules/reference/thresholds.yaml", thresholds));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/reference/thresholds.yaml");
            assertThat(p.line()).isGreaterThan(1);
            assertThat(p.message()).contains("comparater");
        });
    }

    @Test
    void theVersionIsAContentHashOfRulesAndDocs() {
        KnowledgeSource same = new KnowledgeSource("elsewhere", shipped.files());
        assertThat(same.contentHash()).isEqualTo(shipped.contentHash());
        assertThat(with("kb-docs/extra.md", "# note").contentHash()).isNotEqualTo(shipped.contentHash());
    }

    @Test
    void releasingAKnowledgeBaseRemovesItsModuleFromTheKieRepository() {
        KnowledgeBase kb = builder.build(shipped);
        assertThat(KieServices.Factory.get().getRepository().getKieModule(kb.releaseId()))
                .isNotNull();
        builder.release(kb);
        assertThat(KieServices.Factory.get().getRepository().getKieModule(kb.releaseId()))
                .isNull();
    }

    @Test
    void editingReferenceDataLoadsTheCompiledModuleOfTheSameRulesAndEditingADrlCompilesOnce() {
        Map<String, byte[]> stored = new HashMap<>();
        List<String> saved = new ArrayList<>();
        CompiledModuleCache memory = new CompiledModuleCache() {
            @Override
            public Optional<byte[]> find(String key) {
                return Optional.ofNullable(stored.get(key));
            }

            @Override
            public void save(String key, String kbVersion, byte[] module) {
                saved.add(key);
                stored.put(key, module);
            }
        };
        KnowledgeBaseBuilder cached =
                new KnowledgeBaseBuilder(new KnowledgeBaseCompiler(Clock.systemUTC(), true), List.of(memory));
        String patterns = shipped.files().get("rules/reference/patterns.yaml");

        KnowledgeBase first = cached.build(shipped);
        KnowledgeBase referenceEdited = cached.build(with("rules/reference/patterns.yaml", patterns + "# edited\n"));
        KnowledgeBase docsEdited = cached.build(with("kb-docs/extra.md", "# note"));
        assertThat(saved).as("compiled once, then loaded").hasSize(1);
        assertThat(referenceEdited.version()).isNotEqualTo(first.version());
        assertThat(docsEdited.version()).isNotEqualTo(first.version()).isNotEqualTo(referenceEdited.version());

        Map<String, String> files = new HashMap<>(shipped.files());
        String drl = files.get("rules/plan/precautions.drl");
        files.put("rules/plan/precautions.drl", drl + "\n// edited\n");
        KnowledgeBase drlEdited = cached.build(new KnowledgeSource("test", files));
        assertThat(saved).as("a DRL change compiles").hasSize(2);
        for (KnowledgeBase kb : List.of(first, referenceEdited, docsEdited, drlEdited)) {
            cached.release(kb);
        }
    }

    @Test
    void aSandboxedBuilderLoadsTheHandedModuleOfTheSameRulesAndCompilesAnyOtherRulesAsInterpretedDrl() {
        KnowledgeBaseBuilder service = ModuleReuse.BUILDER;
        Map<String, byte[]> handed = service.cachedModules(List.of(shipped));
        if (handed.isEmpty()) {
            service.release(service.build(shipped));
            handed = service.cachedModules(List.of(shipped));
        }
        assertThat(handed).containsOnlyKeys(KnowledgeBaseBuilder.cacheKey(shipped));
        KnowledgeBaseBuilder sandboxed = KnowledgeBaseBuilder.handed(Clock.systemUTC(), handed);

        String patterns = "rules/reference/patterns.yaml";
        KnowledgeBase referenceEdit =
                sandboxed.build(with(patterns, shipped.files().get(patterns) + "# an author's comment\n"));
        KnowledgeBase ruleEdit = sandboxed.build(with("rules/plan/extra.drl", """
                package rules.plan;
                import io.crosscheck.engine.facts.*;
                rule "XTR-001: extra"
                    @id("XTR-001")
                    ruleflow-group "plan"
                when
                    Finding( code == "never" )
                then
                end
                """));
        try {
            assertThat(referenceEdit.compiledModule())
                    .as("loaded from the handed module")
                    .isNotNull();
            assertThat(referenceEdit.rules().size()).isEqualTo(ruleEdit.rules().size() - 1);
            assertThat(ruleEdit.compiledModule())
                    .as("compiled, as interpreted DRL")
                    .isNull();
            assertThat(ruleEdit.rules()).extracting(r -> r.id()).contains("XTR-001");
            assertThat(referenceEdit.rules()).extracting(r -> r.id()).doesNotContain("XTR-001");
        } finally {
            sandboxed.release(referenceEdit);
            sandboxed.release(ruleEdit);
        }
    }

    @Test
    void onlyABuilderOfTheExecutableModelWithACacheHasModulesToHandOver() {
        assertThat(builder.cachedModules(List.of(shipped))).isEmpty();
        assertThat(KnowledgeBaseBuilder.handed(Clock.systemUTC(), Map.of()).cachedModules(List.of(shipped)))
                .isEmpty();
        KnowledgeSource newRules = with("rules/plan/broken.drl", BrokenRules.SYNTAX_ERROR_AT_LINE_6);
        assertThat(ModuleReuse.BUILDER.cachedModules(List.of(newRules))).isEmpty();
    }

    private KnowledgeSource with(String path, String text) {
        Map<String, String> files = new HashMap<>(shipped.files());
        files.put(path, text);
        return new KnowledgeSource("test", files);
    }

    private KnowledgeBaseException problemsOf(KnowledgeSource source) {
        return catchThrowableOfType(KnowledgeBaseException.class, () -> builder.build(source));
    }
}
