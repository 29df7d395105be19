package io.crosscheck.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import java.util.List;

/**
 * Crosscheck's intended structure as ArchUnit rules, parameterised by the root package so that the
 * same rules can be shown to fail on small fixture packages that break them ({@code archfixtures}).
 * The picture in the README's "Layout" section is this file in words.
 */
final class ArchitectureRules {

    /** Feature packages that will sit on top of authoring and screening; none may be reached from below. */
    static final String[] INTEGRATIONS = {"cdshooks", "fhir", "web", "security", "audit"};

    private ArchitectureRules() {}

    static List<ArchRule> all(String root) {
        return List.of(
                noPackageCycles(root),
                engineKnowsNothingElse(root),
                onlyTheEngineTouchesDrools(root),
                entitiesKnowNoDrools(root),
                layersPointDownwards(root),
                oneEvaluationPath(root),
                modelsStayBelowServices(root));
    }

    /** No cycle between the top-level packages (engine, knowledge, screening, authoring, ...). */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** The engine imports no HTTP, JSON, persistence, CDI or Quarkus type and no other Crosscheck package. */
    static ArchRule engineKnowsNothingElse(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.ws.rs..",
                        "com.fasterxml.jackson..",
                        "jakarta.persistence..",
                        "io.quarkus..",
                        "jakarta.enterprise..",
                        "jakarta.inject..",
                        "jakarta.transaction..",
                        "jakarta.validation..",
                        "org.hibernate..")
                .orShould()
                .dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(root + ".engine.."))))
                .because("the engine is the rule runtime only: every feature builds on it, it builds on none")
                .allowEmptyShould(true);
    }

    /** Drools (org.kie, org.drools) is touched by the engine alone, DRL parsing included. */
    static ArchRule onlyTheEngineTouchesDrools(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..")
                .allowEmptyShould(true);
    }

    /** A persistence entity is a row, never a rule-engine object. */
    static ArchRule entitiesKnowNoDrools(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .areAnnotatedWith(Entity.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..")
                .allowEmptyShould(true);
    }

    /** cli -> authoring -> screening -> knowledge -> engine; common below all but the engine; integrations on top. */
    static ArchRule layersPointDownwards(String root) {
        String[] integrations = java.util.Arrays.stream(INTEGRATIONS)
                .map(p -> root + "." + p + "..")
                .toArray(String[]::new);
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Engine")
                .definedBy(root + ".engine..")
                .layer("Common")
                .definedBy(root + ".common..")
                .layer("Knowledge")
                .definedBy(root + ".knowledge..")
                .layer("Screening")
                .definedBy(root + ".screening..")
                .layer("Authoring")
                .definedBy(root + ".authoring..")
                .layer("Integrations")
                .definedBy(integrations)
                .layer("Cli")
                .definedBy(root + ".cli..")
                .whereLayer("Cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Integrations")
                .mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Authoring")
                .mayOnlyBeAccessedByLayers("Integrations", "Cli")
                .whereLayer("Screening")
                .mayOnlyBeAccessedByLayers("Authoring", "Integrations", "Cli")
                .whereLayer("Knowledge")
                .mayOnlyBeAccessedByLayers("Screening", "Authoring", "Integrations", "Cli")
                .whereLayer("Common")
                .mayOnlyAccessLayers("Engine")
                .whereLayer("Engine")
                .mayNotAccessAnyLayer();
    }

    /**
     * Every entry point (REST, scenarios, reload validation, replay, CLIs, and later CDS Hooks and the web
     * UI) reaches the rules through {@code ScreeningEvaluator}: nothing else outside the engine runs them.
     */
    static ArchRule oneEvaluationPath(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".engine..")
                .and()
                .doNotHaveSimpleName("ScreeningEvaluator")
                .should()
                .callMethodWhere(target(name("evaluate")).and(target(owner(simpleName("RuleEngine")))))
                .allowEmptyShould(true);
    }

    /**
     * A feature's {@code model} package (request, result and view records) is what its services and REST resources
     * exchange: it depends on no {@code service} or {@code rest} package, so records can move out of a service without
     * pulling the service along.
     */
    static ArchRule modelsStayBelowServices(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(root + "..service..", root + "..rest..")
                .because("models are plain records the services and resources share; they call neither")
                .allowEmptyShould(true);
    }

    static void checkAll(String root, JavaClasses classes) {
        all(root).forEach(rule -> rule.check(classes));
    }
}
