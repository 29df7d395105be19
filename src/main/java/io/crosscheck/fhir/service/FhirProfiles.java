package io.crosscheck.fhir.service;

import ca.uhn.fhir.parser.DataFormatException;
import io.crosscheck.fhir.config.FhirSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The profiles Crosscheck's FHIR output declares ({@code meta.profile}): its own StructureDefinitions, constraints on
 * the base R4 resources, kept as data in {@code src/main/resources/fhir/StructureDefinition/<id>.json}, published at
 * {@code GET /fhir/StructureDefinition/<id>} and loaded from the same files into the validator of the tests. Each
 * says what an EHR can rely on: a coded order (SNOMED CT procedure, category, performer), a subject, a Provenance
 * naming the knowledge base, no pattern without findings stated as a predicted outcome.
 */
public final class FhirProfiles {

    /** The canonical base of the profiles. */
    public static final String BASE = "https://crosscheck.io/fhir/StructureDefinition/";

    public static final String BUNDLE = "crosscheck-screening-bundle";
    public static final String GUIDANCE_RESPONSE = "crosscheck-guidance-response";
    public static final String CLINICAL_IMPRESSION = "crosscheck-clinical-impression";
    public static final String OBSERVATION = "crosscheck-examination-observation";
    public static final String REQUEST_GROUP = "crosscheck-request-group";
    public static final String SERVICE_REQUEST = "crosscheck-service-request";
    public static final String REFERRAL = "crosscheck-referral";
    public static final String PATTERN_ASSESSMENT = "crosscheck-pattern-assessment";
    public static final String HEALTH_SCREEN_ASSESSMENT = "crosscheck-health-screen-assessment";
    public static final String PROVENANCE = "crosscheck-provenance";
    public static final String DEVICE = "crosscheck-device";

    /** Every profile, in the order they are listed. */
    public static final List<String> IDS = List.of(
            BUNDLE,
            GUIDANCE_RESPONSE,
            CLINICAL_IMPRESSION,
            OBSERVATION,
            REQUEST_GROUP,
            SERVICE_REQUEST,
            REFERRAL,
            PATTERN_ASSESSMENT,
            HEALTH_SCREEN_ASSESSMENT,
            PROVENANCE,
            DEVICE);

    private static final String DIR = "/fhir/StructureDefinition/";

    private FhirProfiles() {}

    /** The canonical URL of a profile. */
    public static String url(String id) {
        return BASE + id;
    }

    /** Declares the profile on a resource (its {@code meta.profile}); returns the resource. */
    public static <T extends Resource> T declare(T resource, String id) {
        resource.getMeta().addProfile(url(id));
        return resource;
    }

    /** Every profile as published. */
    public static List<StructureDefinition> all() {
        List<StructureDefinition> out = new ArrayList<>();
        for (String id : IDS) {
            out.add(read(id).orElseThrow(() -> new IllegalStateException("profile " + id + " is missing")));
        }
        return out;
    }

    /** One profile by id; empty for an id that is not one. */
    public static Optional<StructureDefinition> read(String id) {
        if (!IDS.contains(id)) {
            return Optional.empty();
        }
        try (InputStream in = FhirProfiles.class.getResourceAsStream(DIR + id + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(FhirSupport.strictJsonParser().parseResource(StructureDefinition.class, json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DataFormatException e) {
            throw new IllegalStateException("profile " + id + " is not a valid StructureDefinition", e);
        }
    }

    /** The profile with this canonical URL. */
    public static Optional<StructureDefinition> byUrl(String url) {
        return url != null && url.startsWith(BASE) ? read(url.substring(BASE.length())) : Optional.empty();
    }
}
