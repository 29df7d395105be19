package io.crosscheck.fhir.service;

import io.crosscheck.engine.KnowledgeBase;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * What Crosscheck publishes as FHIR: its code system (here), its profiles ({@link FhirProfiles}) and its capability
 * statement ({@link FhirCapabilities}). Pure.
 */
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
}
