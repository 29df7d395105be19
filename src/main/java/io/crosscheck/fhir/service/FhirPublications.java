package io.crosscheck.fhir.service;

import io.crosscheck.engine.KnowledgeBase;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;

/** What Crosscheck publishes as FHIR: its code system and its capability statement. Pure. */
public final class FhirPublications {

    private FhirPublications() {}

    /** The Crosscheck code system of a knowledge base (its version is the knowledge base's). */
    public static CodeSystem codeSystem(KnowledgeBase kb) {
        CodeSystem cs = new CodeSystem();
        cs.setId("crosscheck");
        cs.setUrl(CrosscheckCodes.SYSTEM);
        cs.setVersion(kb.version());
        cs.setName("Crosscheck");
        cs.setTitle("Crosscheck screening codes (Janda crossed-syndrome screen)");
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setExperimental(false);
        cs.setPublisher("Crosscheck");
        cs.setDescription(
                "Codes Crosscheck reads from FHIR (assessment findings, red-flag and yellow-flag questions, symptoms) and "
                        + "writes (patterns, referral, interventions, card override reasons), where no SNOMED CT concept is used. "
                        + "The mapping table is kb-docs/fhir-mapping.md.");
        cs.setCaseSensitive(true);
        cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        for (CrosscheckCodes.Concept c : CrosscheckCodes.concepts(kb.reference())) {
            cs.addConcept()
                    .setCode(c.code())
                    .setDisplay(c.display())
                    .setDefinition(c.category() + " (" + c.use().name().toLowerCase() + "): " + c.element());
        }
        cs.setCount(cs.getConcept().size());
        return cs;
    }

    /** What is served: the code system over FHIR REST; screenings in and out as FHIR on the Crosscheck API. */
    public static CapabilityStatement capabilityStatement(String baseUrl, String kbVersion) {
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
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation(
                "FHIR R4 at Crosscheck: `GET /fhir/metadata` (this statement) and `GET /fhir/CodeSystem/crosscheck` "
                        + "(public). Screenings: `POST /api/v1/screenings` accepts a FHIR Bundle or QuestionnaireResponse "
                        + "(`Content-Type: application/fhir+json`) and `GET /api/v1/screenings/{id}/fhir` returns a screening as a Bundle "
                        + "(GuidanceResponse, RequestGroup, RiskAssessment, ServiceRequest), both for the physio role (HTTP Basic). "
                        + "CDS Hooks 2.0 services: `GET /cds-services`.");
        CapabilityStatement.CapabilityStatementRestResourceComponent codeSystem = rest.addResource();
        codeSystem.setType("CodeSystem");
        codeSystem.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        codeSystem.setDocumentation("Only `crosscheck`, the code system of the current knowledge base.");
        return cs;
    }
}
