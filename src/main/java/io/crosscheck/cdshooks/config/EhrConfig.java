package io.crosscheck.cdshooks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** EHR integration settings ({@code crosscheck.ehr.*}): CDS Hooks services and FHIR access. */
@ConfigMapping(prefix = "crosscheck.ehr")
public interface EhrConfig {

    /**
     * The service's public base URL (e.g. https://crosscheck.example.org): the JWT audience is this plus
     * the service path, and card links and SMART redirects point here. Never taken from the request's Host header;
     * required outside dev and test for CDS Hooks and SMART ({@link PublicBaseUrl}).
     */
    Optional<String> publicBaseUrl();

    /**
     * Whether an EHR's URLs may be plain http: an EHR client's {@code jwksUrl} and {@code fhirServers}, its SMART
     * launch URLs (the launch's {@code iss}) and the endpoints its SMART configuration names. Off: https only, as in
     * production; the dev and test profiles turn it on for EHR stand-ins on localhost.
     */
    @WithDefault("false")
    boolean allowPlainHttp();

    /** Whether an EHR URL's scheme is allowed: https, or http when {@link #allowPlainHttp()}. */
    default boolean schemeAllowed(String url) {
        return url != null && (url.startsWith("https://") || (allowPlainHttp() && url.startsWith("http://")));
    }

    /** Oldest {@code iat} accepted (CDS Hooks recommends tokens of 5 minutes). */
    @WithDefault("5M")
    Duration tokenMaxAge();

    /** Clock skew allowed on {@code exp} and {@code iat}. */
    @WithDefault("30S")
    Duration clockSkew();

    /** How long a JWKS fetched from a client's URL is cached. */
    @WithDefault("10M")
    Duration jwksCacheTtl();

    /** Timeout of one request to an EHR's FHIR server (missing prefetch); never longer than {@link #fhirDeadline()}. */
    @WithDefault("10S")
    Duration fhirTimeout();

    /**
     * One deadline for everything a hook call fetches from the EHR's FHIR server (all queries in parallel, every
     * page): what is not read by then is reported as not read, and the answer is given without it.
     */
    @WithDefault("1S")
    Duration fhirDeadline();

    /** Search-result pages followed per query (a prefetched search's next links included); beyond: reported truncated. */
    @WithDefault("10")
    int fhirMaxPages();

    /** Resources read per query at most; beyond: reported truncated. */
    @WithDefault("1000")
    int fhirMaxResources();

    /** The page size asked for ({@code _count}) in the prefetch templates and searches. */
    @WithDefault("100")
    int fhirPageSize();

    /** Which hook calls get cards: the physiotherapy encounters, or a call that asks for the screen. */
    Scope scope();

    interface Scope {
        /**
         * Codings ({@code system|code}) that make an encounter a physiotherapy encounter when its {@code type} or
         * {@code serviceType} carries one: HL7 service-type 65 Physiotherapy and SNOMED CT 91251008 Physical therapy
         * procedure by default; a site adds its own local encounter types.
         */
        @WithDefault("http://terminology.hl7.org/CodeSystem/service-type|65,http://snomed.info/sct|91251008")
        java.util.List<String> physiotherapyEncounterCodes();
    }

    /** SMART App Launch (EHR launch) from the cards' smart links. */
    Smart smart();

    interface Smart {
        /**
         * The scopes asked for at the EHR's authorize endpoint: {@code launch} for the launch context (patient,
         * appContext), {@code openid fhirUser} to sign the user in. Nothing is read from FHIR after the launch, so no
         * data scope ({@code patient/*.read}) is asked for.
         */
        @WithDefault("launch openid fhirUser")
        String scope();

        /** Timeout of one request to the EHR's authorisation server (SMART configuration, token endpoint). */
        @WithDefault("10S")
        Duration timeout();

        /** How long a launch may take from the redirect to the EHR until its callback. */
        @WithDefault("10M")
        Duration stateTtl();

        /**
         * Secrets of confidential clients, by client_id ({@code crosscheck.ehr.smart.client-secrets."<client_id>"}, from the
         * environment or a Secret, never the database): sent to the token endpoint with HTTP Basic. A client_id without a
         * secret is a public client (PKCE only).
         */
        java.util.Map<String, String> clientSecrets();
    }
}
