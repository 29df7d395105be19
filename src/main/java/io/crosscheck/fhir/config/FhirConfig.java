package io.crosscheck.fhir.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** How FHIR is read at this site ({@code crosscheck.fhir.*}). */
@ConfigMapping(prefix = "crosscheck.fhir")
public interface FhirConfig {

    /**
     * A FHIR R4 ConceptMap in JSON, or a directory of them ({@code *.json}), from the site's local codes (an EHR's
     * flowsheet rows, a local questionnaire's linkIds) to codes Crosscheck reads; checked at start-up, where a bad map
     * stops the service with a message naming the file and element (docs/ehr-integration.md). Unset: none.
     */
    Optional<String> conceptMaps();
}
