package io.crosscheck.fhir.service;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * Crosscheck's CapabilityStatement: as a server, exactly what {@code /fhir} serves (the code system, read; the
 * questionnaires and the profiles its output declares, read and searched by url; no operations); as a client, the reads and searches of the
 * CDS Hooks prefetch on an EHR's FHIR server and the SMART App Launch it takes part in as an app (launch URL, redirect
 * URI, scopes). Crosscheck is not an authorisation server: it publishes no SMART configuration of its own, it reads
 * the EHR's ({@code .well-known/smart-configuration}). Pure.
 */
public final class FhirCapabilities {

    static final String SECURITY_SERVICE = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    private FhirCapabilities() {}

    /** The statement for a base URL (the service's, without {@code /fhir}); {@code client} null: not described. */
    public static CapabilityStatement statement(String baseUrl, String kbVersion, FhirClientUse.Use client) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(new Date());
        cs.setPublisher("Crosscheck");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("Crosscheck").setVersion(kbVersion);
        cs.getImplementation()
                .setDescription("Crosscheck: Janda crossed-syndrome screening aid")
                .setUrl(baseUrl + "/fhir");
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("json");
        server(cs.addRest());
        if (client != null) {
            client(cs.addRest(), client);
        }
        return cs;
    }

    private static void server(CapabilityStatement.CapabilityStatementRestComponent rest) {
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation(
                "FHIR R4 at Crosscheck's /fhir: this statement (`GET /fhir/metadata`), the Crosscheck code "
                        + "system, its questionnaires (SDC) and the profiles of Crosscheck's output, all public (they hold no client data). Screenings are "
                        + "not served here: `POST /api/v1/screenings` accepts a FHIR Bundle or QuestionnaireResponse "
                        + "(`application/fhir+json`) and `GET /api/v1/screenings/{id}/fhir[?patient=<EHR Patient>]` returns a "
                        + "screening as a Bundle, each resource with one of the profiles below, for the physio role (HTTP Basic or "
                        + "OpenID Connect); CDS Hooks 2.0 services: `GET /cds-services`.");
        rest.getSecurity().setDescription("None: everything served under /fhir is public and holds no client data.");
        CapabilityStatementRestResourceComponent codeSystem = rest.addResource().setType("CodeSystem");
        codeSystem.addInteraction().setCode(TypeRestfulInteraction.READ);
        codeSystem.setDocumentation("Only `crosscheck`, the code system of the current knowledge base.");
        CapabilityStatementRestResourceComponent questionnaires =
                rest.addResource().setType("Questionnaire");
        questionnaires.addInteraction().setCode(TypeRestfulInteraction.READ);
        questionnaires.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        questionnaires
                .addSearchParam()
                .setName("url")
                .setDefinition("http://hl7.org/fhir/SearchParameter/Questionnaire-url")
                .setType(Enumerations.SearchParamType.URI);
        questionnaires.setDocumentation(
                "Crosscheck's questionnaires (SDC), generated from the knowledge base's inputs: "
                        + "the red flags and the screening questions, by id or canonical url.");
        CapabilityStatementRestResourceComponent profiles = rest.addResource().setType("StructureDefinition");
        profiles.addInteraction().setCode(TypeRestfulInteraction.READ);
        profiles.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        profiles.addSearchParam()
                .setName("url")
                .setDefinition("http://hl7.org/fhir/SearchParameter/StructureDefinition-url")
                .setType(Enumerations.SearchParamType.URI);
        profiles.setDocumentation("The profiles Crosscheck's output declares: " + String.join(", ", FhirProfiles.IDS)
                + " (canonical " + FhirProfiles.BASE + "<id>).");
    }

    private static void client(CapabilityStatement.CapabilityStatementRestComponent rest, FhirClientUse.Use use) {
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.CLIENT);
        rest.setDocumentation("What Crosscheck reads from an EHR's FHIR server when a CDS Hooks prefetch is missing "
                + "(the prefetch templates of `GET /cds-services`; result parameters "
                + (use.resultParameters().isEmpty() ? "none" : String.join(", ", use.resultParameters()))
                + "), with the EHR's bearer token; and the SMART App Launch it takes part in as an app.");
        rest.getSecurity()
                .addService(new CodeableConcept(new Coding(SECURITY_SERVICE, "SMART-on-FHIR", "SMART-on-FHIR")))
                .setDescription(
                        "SMART App Launch 2 (EHR launch, authorization code with PKCE S256) as an app: launch URL "
                                + (use.launchUrl() == null ? "{public base URL}/smart/launch" : use.launchUrl())
                                + ", redirect URI "
                                + (use.redirectUri() == null ? "{public base URL}/smart/callback" : use.redirectUri())
                                + ", scopes `" + String.join(" ", use.scopes())
                                + "` (nothing is read from FHIR after the "
                                + "launch: the launch context and the signed-in user only). The EHR's endpoints are read from its "
                                + "`.well-known/smart-configuration`; Crosscheck is not an authorisation server.");
        for (String type : use.reads()) {
            rest.addResource().setType(type).addInteraction().setCode(TypeRestfulInteraction.READ);
        }
        for (Map.Entry<String, List<String>> search : use.searches().entrySet()) {
            CapabilityStatementRestResourceComponent r = rest.getResource().stream()
                    .filter(x -> x.getType().equals(search.getKey()))
                    .findFirst()
                    .orElseGet(() -> rest.addResource().setType(search.getKey()));
            r.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            for (String param : search.getValue()) {
                r.addSearchParam()
                        .setName(param)
                        .setDefinition("http://hl7.org/fhir/SearchParameter/" + definition(search.getKey(), param))
                        .setType(type(param));
            }
        }
    }

    /** The id of the base search parameter: clinical ones are shared ({@code clinical-patient}), others per type. */
    private static String definition(String type, String param) {
        return switch (param) {
            case "patient", "code", "date" -> "clinical-" + param;
            default -> type + "-" + param;
        };
    }

    private static Enumerations.SearchParamType type(String param) {
        return switch (param) {
            case "patient", "subject", "encounter", "questionnaire" -> Enumerations.SearchParamType.REFERENCE;
            case "date", "authored", "recorded-date", "onset-date", "abatement-date" ->
                Enumerations.SearchParamType.DATE;
            default -> Enumerations.SearchParamType.TOKEN;
        };
    }
}
