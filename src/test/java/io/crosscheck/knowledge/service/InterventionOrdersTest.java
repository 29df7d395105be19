package io.crosscheck.knowledge.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import io.crosscheck.common.json.Yaml;
import io.crosscheck.engine.InterventionOrders;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.input.Coding;
import io.crosscheck.support.RuleHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How the plan is ordered in FHIR is reference data ({@code interventions.yaml}, {@code fhir:}): every intervention
 * of the shipped catalogue resolves to a SNOMED CT procedure, category and performer; a name that is not defined or
 * an intervention without an order is a problem naming the key; and the Orders table of kb-docs/fhir-mapping.md lists
 * exactly the concepts in use, with a source for each.
 */
class InterventionOrdersTest {

    static final String SNOMED = "http://snomed.info/sct";
    static final ReferenceData SHIPPED = RuleHarness.shipped().knowledgeBase().reference();

    static InterventionDefinition intervention(String id, String category) throws Exception {
        return Yaml.strict()
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build()
                .readValue(
                        "id: " + id + "\nname: " + id + "\ncategory: " + category + "\n", InterventionDefinition.class);
    }

    static InterventionOrdersReader.OrderRef order(String code, String category, String performer, String text) {
        return new InterventionOrdersReader.OrderRef(code, category, performer, text);
    }

    static InterventionOrdersReader.Block block(
            Map<String, InterventionOrdersReader.OrderRef> categories,
            Map<String, InterventionOrdersReader.OrderRef> interventions) {
        InterventionOrdersReader.OrderRef exercise =
                order("exercise_therapy", "physical_therapy", "physiotherapist", null);
        return new InterventionOrdersReader.Block(
                Map.of(
                        "exercise_therapy",
                        new InterventionOrdersReader.CodeDef(null, "229065009", "Exercise therapy"),
                        "physical_therapy",
                        new InterventionOrdersReader.CodeDef(null, "91251008", "Physical therapy procedure"),
                        "physiotherapist",
                        new InterventionOrdersReader.CodeDef(null, "36682004", "Physiotherapist")),
                exercise,
                exercise,
                categories,
                interventions);
    }

    @Test
    void everyInterventionOfTheShippedCatalogueIsOrderedWithASnomedProcedureCategoryAndPerformer() {
        InterventionOrders orders = SHIPPED.orders();
        assertThat(SHIPPED.interventions()).isNotEmpty().allSatisfy(i -> {
            InterventionOrders.Order o = orders.of(i.getId()).orElseThrow();
            assertThat(o.code().system()).as(i.getId()).isEqualTo(SNOMED);
            assertThat(o.category().system()).as(i.getId()).isEqualTo(SNOMED);
            assertThat(o.performer() != null || o.performerText() != null)
                    .as(i.getId())
                    .isTrue();
        });
        assertThat(orders.referral().code().code()).isEqualTo("306253008");
        assertThat(orders.referral().performer().code()).isEqualTo("158965000");
        assertThat(orders.programme().code().code()).isEqualTo("229065009");
        assertThat(orders.programme().performer().code()).isEqualTo("36682004");
        assertThat(orders.of("breathing_retraining").orElseThrow().code().code())
                .as("no breathing-specific concept was checked: the broader one")
                .isEqualTo("229065009");
        assertThat(orders.of("education_reassurance").orElseThrow().code().code())
                .isEqualTo("409073007");
    }

    @Test
    void anUndefinedNameAnInterventionWithoutAnOrderAndAnOverrideOfNoInterventionAreProblemsNamingTheKey()
            throws Exception {
        List<KnowledgeProblem> problems = new ArrayList<>();
        InterventionOrders read = InterventionOrdersReader.read(
                block(
                        Map.of("stretch", order("stretching", "physical_therapy", null, null)),
                        Map.of("foam_rolling", order("exercise_therapy", "physical_therapy", "physiotherapist", null))),
                List.of(intervention("hamstring_stretch", "stretch"), intervention("walk", "lifestyle")),
                problems);

        assertThat(read).isNull();
        assertThat(problems)
                .extracting(KnowledgeProblem::message)
                .anySatisfy(m ->
                        assertThat(m).contains("fhir.categories.stretch.code").contains("'stretching' is not defined"))
                .anySatisfy(m -> assertThat(m).contains("fhir.categories.stretch: a performer"))
                .anySatisfy(m -> assertThat(m).contains("intervention walk (category lifestyle) has no FHIR order"))
                .anySatisfy(m -> assertThat(m).contains("fhir.interventions.foam_rolling: no intervention"));
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("rules/reference/interventions.yaml"));
    }

    @Test
    void aKnowledgeBaseWrittenBeforeTheBlockExistedReadsWithNoOrdersAndNoProblem() throws Exception {
        List<KnowledgeProblem> problems = new ArrayList<>();
        assertThat(InterventionOrdersReader.read(null, List.of(intervention("walk", "lifestyle")), problems))
                .isSameAs(InterventionOrders.NONE);
        assertThat(problems).isEmpty();
    }

    @Test
    void anInterventionsOwnOrderOverridesItsCategorysAndSnomedIsTheDefaultSystem() throws Exception {
        List<KnowledgeProblem> problems = new ArrayList<>();
        InterventionOrders read = InterventionOrdersReader.read(
                block(
                        Map.of("stretch", order("exercise_therapy", "physical_therapy", "physiotherapist", null)),
                        Map.of("manual", order("physical_therapy", "physical_therapy", null, "A manual therapist"))),
                List.of(intervention("hamstring_stretch", "stretch"), intervention("manual", "stretch")),
                problems);

        assertThat(problems).isEmpty();
        assertThat(read.of("hamstring_stretch").orElseThrow().code())
                .isEqualTo(new Coding(SNOMED, "229065009", "Exercise therapy"));
        InterventionOrders.Order manual = read.of("manual").orElseThrow();
        assertThat(manual.code().code()).isEqualTo("91251008");
        assertThat(manual.performer()).isNull();
        assertThat(manual.performerText()).isEqualTo("A manual therapist");
    }

    @Test
    void anInterventionAStoredScreeningHasButTheCatalogueNoLongerHasIsOrderedByItsCategoryElseAsTheProgramme() {
        InterventionOrders orders = SHIPPED.orders();
        assertThat(orders.of("retired_stretch")).isEmpty();
        assertThat(orders.of("retired_stretch", "education")
                        .orElseThrow()
                        .code()
                        .code())
                .isEqualTo("409073007");
        assertThat(orders.of("retired_item", "a-retired-category").orElseThrow())
                .isEqualTo(orders.programme());
        assertThat(orders.of("hamstring_stretch", "education").orElseThrow())
                .as("an intervention the catalogue has: its own order")
                .isEqualTo(orders.of("hamstring_stretch").orElseThrow());
    }

    @Test
    void theOrdersTableOfTheMappingPageListsExactlyTheConceptsInUseEachWithASource() throws Exception {
        InterventionOrders orders = SHIPPED.orders();
        Map<String, String> inUse = new TreeMap<>();
        Stream.concat(Stream.of(orders.programme(), orders.referral()), orders.byIntervention().values().stream())
                .flatMap(o -> Stream.of(o.code(), o.category(), o.performer()))
                .filter(Objects::nonNull)
                .forEach(c -> inUse.put(c.code(), c.display()));

        String page = Files.readString(Path.of("kb-docs/fhir-mapping.md"));
        String table = page.substring(page.indexOf("## Orders"));
        Pattern row =
                Pattern.compile("(?m)^\\| (\\d{6,18}) \\| ([^|]+?) \\|[^|]*\\|[^|]*\\| ([^|]*\\[[A-Z]+\\][^|]*) \\|$");
        Map<String, String> listed = new TreeMap<>();
        Matcher m = row.matcher(table);
        while (m.find()) {
            listed.put(m.group(1), m.group(2));
        }
        assertThat(listed).isEqualTo(inUse);
    }
}
