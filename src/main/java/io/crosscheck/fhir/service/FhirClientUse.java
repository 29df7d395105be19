package io.crosscheck.fhir.service;

import java.util.List;
import java.util.Map;

/**
 * What Crosscheck does as a client of an EHR's FHIR server, for its CapabilityStatement: the reads and searches of
 * the CDS Hooks prefetch templates, and the SMART App Launch it takes part in as an app. Implemented by the CDS Hooks
 * integration, which owns both (this package does not depend on it).
 */
public interface FhirClientUse {

    /**
     * The reads (resource type with no parameters) and searches (resource type and its search parameters, result
     * parameters such as {@code _count} left out) Crosscheck makes; the SMART launch and redirect URLs (null when the
     * public base URL is not configured) and the scopes it asks for.
     */
    record Use(
            List<String> reads,
            Map<String, List<String>> searches,
            List<String> resultParameters,
            String launchUrl,
            String redirectUri,
            List<String> scopes) {}

    Use use();
}
