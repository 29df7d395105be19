package io.crosscheck.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.FhirProfiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/**
 * The CapabilityStatement says exactly what {@code /fhir} serves (compared with the JAX-RS resources under
 * {@code /fhir} themselves, and each read and search answered), and, as a client, what the CDS Hooks prefetch reads
 * and the SMART App Launch Crosscheck takes part in as an app, with the scopes it asks for.
 */
@QuarkusTest
class FhirCapabilitiesTest {

    static final String FHIR_JSON = "application/fhir+json";

    static CapabilityStatement metadata() {
        String body = given().auth()
                .none()
                .get("/fhir/metadata")
                .then()
                .statusCode(200)
                .contentType(FHIR_JSON)
                .extract()
                .asString();
        assertThat(FhirValidation.errors(body)).as("validator errors").isEmpty();
        return FhirSupport.strictJsonParser().parseResource(CapabilityStatement.class, body);
    }

    static CapabilityStatementRestComponent rest(CapabilityStatement cs, RestfulCapabilityMode mode) {
        return cs.getRest().stream()
                .filter(r -> r.getMode() == mode)
                .findFirst()
                .orElseThrow();
    }

    /** Every GET under /fhir, as "Type:read" (a path with an id) or "Type:search-type" (the type alone). */
    static Set<String> served() {
        Set<String> out = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.crosscheck")) {
            if (!c.isAnnotatedWith(Path.class)
                    || !c.getAnnotationOfType(Path.class).value().startsWith("/fhir")) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                if (!m.isAnnotatedWith(GET.class) || !m.isAnnotatedWith(Path.class)) {
                    continue;
                }
                String path = m.getAnnotationOfType(Path.class).value().replaceAll("^/+", "");
                if (path.equals("metadata")) {
                    continue;
                }
                String[] parts = path.split("/");
                out.add(parts[0] + (parts.length > 1 ? ":read" : ":search-type"));
            }
        }
        return out;
    }

    @Test
    void asAServerTheStatementListsExactlyTheReadsAndSearchesServedUnderFhir() {
        CapabilityStatementRestComponent server = rest(metadata(), RestfulCapabilityMode.SERVER);
        Set<String> listed = server.getResource().stream()
                .flatMap(r -> r.getInteraction().stream()
                        .map(i -> r.getType() + ":" + i.getCode().toCode()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(listed).isEqualTo(served()).contains("CodeSystem:read", "StructureDefinition:search-type");
        assertThat(server.getOperation()).as("no operations are served").isEmpty();
        assertThat(server.getResource())
                .filteredOn(r -> r.getType().equals("StructureDefinition"))
                .singleElement()
                .satisfies(r -> assertThat(r.getSearchParam())
                        .extracting(p -> p.getName())
                        .containsExactly("url"));
    }

    @Test
    void everyProfileIsServedByIdAndByCanonicalUrlAndIsAValidStructureDefinition() {
        for (String id : FhirProfiles.IDS) {
            String body = given().auth()
                    .none()
                    .get("/fhir/StructureDefinition/" + id)
                    .then()
                    .statusCode(200)
                    .contentType(FHIR_JSON)
                    .extract()
                    .asString();
            assertThat(FhirValidation.errors(body)).as(id).isEmpty();
            StructureDefinition sd = FhirSupport.strictJsonParser().parseResource(StructureDefinition.class, body);
            assertThat(sd.getUrl()).isEqualTo(FhirProfiles.url(id));
            Bundle found = FhirSupport.strictJsonParser()
                    .parseResource(
                            Bundle.class,
                            given().auth()
                                    .none()
                                    .queryParam("url", FhirProfiles.url(id))
                                    .get("/fhir/StructureDefinition")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .asString());
            assertThat(found.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
            assertThat(found.getEntry())
                    .singleElement()
                    .satisfies(e -> assertThat(((StructureDefinition) e.getResource()).getUrl())
                            .isEqualTo(FhirProfiles.url(id)));
        }
        given().auth()
                .none()
                .get("/fhir/StructureDefinition/not-a-profile")
                .then()
                .statusCode(404);
        String all = given().auth()
                .none()
                .get("/fhir/StructureDefinition")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(FhirSupport.strictJsonParser()
                        .parseResource(Bundle.class, all)
                        .getTotal())
                .isEqualTo(FhirProfiles.IDS.size());
    }

    @Test
    void asAClientTheStatementListsThePrefetchReadsAndTheSmartAppLaunchWithItsMinimalScopes() {
        CapabilityStatementRestComponent client = rest(metadata(), RestfulCapabilityMode.CLIENT);
        Set<String> prefetched = given()
                .auth()
                .none()
                .get("/cds-services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<java.util.Map<String, String>>getList("services.prefetch")
                .stream()
                .flatMap(m -> m.values().stream())
                .map(t -> t.replaceAll("[/?].*$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(prefetched).contains("Patient", "Observation", "Condition", "QuestionnaireResponse");
        Set<String> listed =
                client.getResource().stream().map(r -> r.getType()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(prefetched);
        assertThat(client.getResource())
                .filteredOn(r -> r.getType().equals("Observation"))
                .singleElement()
                .satisfies(r -> assertThat(r.getSearchParam())
                        .extracting(p -> p.getName())
                        .contains("patient"));
        assertThat(client.getSecurity().getService())
                .anySatisfy(s -> assertThat(s.getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR"));
        String smart = client.getSecurity().getDescription();
        assertThat(smart)
                .contains("http://localhost:" + RestAssured.port + "/smart/launch")
                .contains("http://localhost:" + RestAssured.port + "/smart/callback")
                .contains("scopes `launch openid fhirUser`")
                .doesNotContain("patient/")
                .doesNotContain("user/");
    }
}
