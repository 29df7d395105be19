package io.crosscheck.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The application keeps its intended structure, and each rule of it is shown to bite: every rule
 * fails on a small fixture package (under {@code io.crosscheck.archfixtures}, test sources only) that
 * breaks it on purpose.
 */
class ArchitectureTest {

    private static final String ROOT = "io.crosscheck";
    private static final String FIXTURES = "io.crosscheck.archfixtures.";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theApplicationHasNoPackageCycles() {
        ArchitectureRules.noPackageCycles(ROOT).check(MAIN);
    }

    @Test
    void theEngineImportsNoHttpJsonPersistenceQuarkusOrOtherFeature() {
        ArchitectureRules.engineKnowsNothingElse(ROOT).check(MAIN);
    }

    @Test
    void onlyTheEngineTouchesDrools() {
        ArchitectureRules.onlyTheEngineTouchesDrools(ROOT).check(MAIN);
    }

    @Test
    void persistenceEntitiesImportNoDroolsTypes() {
        ArchitectureRules.entitiesKnowNoDrools(ROOT).check(MAIN);
    }

    @Test
    void dependenciesPointDownTheLayers() {
        ArchitectureRules.layersPointDownwards(ROOT).check(MAIN);
    }

    @Test
    void everyEntryPointReachesTheRulesThroughTheOneEvaluationPath() {
        ArchitectureRules.oneEvaluationPath(ROOT).check(MAIN);
    }

    @Test
    void modelRecordsDependOnNoServiceOrRestPackage() {
        ArchitectureRules.modelsStayBelowServices(ROOT).check(MAIN);
    }

    @Test
    void theRulesSeeTheWholeApplication() {
        assertThat(MAIN.containPackage(ROOT + ".engine")).isTrue();
        assertThat(MAIN.stream().filter(c -> c.getPackageName().startsWith(ROOT + ".archfixtures")))
                .isEmpty();
        assertThat(MAIN.size()).isGreaterThan(100);
    }

    @Test
    void aPackageCycleFails() {
        assertBreaks("cycle", ArchitectureRules::noPackageCycles, "Cycle detected");
    }

    @Test
    void anEngineImportingJaxRsOrAFeaturePackageFails() {
        assertBreaks("leakyengine", ArchitectureRules::engineKnowsNothingElse, "jakarta.ws.rs");
        assertBreaks("leakyengine", ArchitectureRules::engineKnowsNothingElse, "leakyengine.screening");
    }

    @Test
    void droolsOutsideTheEngineFails() {
        assertBreaks("droolsentity", ArchitectureRules::onlyTheEngineTouchesDrools, "org.kie");
    }

    @Test
    void anEntityImportingDroolsFails() {
        assertBreaks("droolsentity", ArchitectureRules::entitiesKnowNoDrools, "org.kie.api.runtime.KieSession");
    }

    @Test
    void aLowerLayerReachingUpFails() {
        assertBreaks(
                "upward",
                ArchitectureRules::layersPointDownwards,
                "upward.knowledge.Loader.load()> calls method <io.crosscheck.archfixtures.upward.authoring.Linter.lint()>");
    }

    @Test
    void aModelReachingIntoAServiceFails() {
        assertBreaks("modelup", ArchitectureRules::modelsStayBelowServices, "modelup.screening.service.Trends");
    }

    @Test
    void runningTheRulesOutsideTheEvaluationPathFails() {
        assertBreaks("bypass", ArchitectureRules::oneEvaluationPath, "RuleEngine.evaluate");
    }

    private static void assertBreaks(String fixture, Function<String, ArchRule> rule, String expected) {
        String root = FIXTURES + fixture;
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        assertThat(classes).as("fixture classes of " + root).isNotEmpty();
        assertThatThrownBy(() -> rule.apply(root).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(expected);
    }
}
