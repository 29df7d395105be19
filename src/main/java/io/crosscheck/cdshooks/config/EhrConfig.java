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
     * the service path, and card links point here. Unset: the URL the request was made to.
     */
    Optional<String> publicBaseUrl();

    /** Oldest {@code iat} accepted (CDS Hooks recommends tokens of 5 minutes). */
    @WithDefault("5M")
    Duration tokenMaxAge();

    /** Clock skew allowed on {@code exp} and {@code iat}. */
    @WithDefault("30S")
    Duration clockSkew();

    /** How long a JWKS fetched from a client's URL is cached. */
    @WithDefault("10M")
    Duration jwksCacheTtl();

    /** Timeout of one request to an EHR's FHIR server (missing prefetch). */
    @WithDefault("10S")
    Duration fhirTimeout();

    /** Search-result pages followed per query on an EHR's FHIR server. */
    @WithDefault("5")
    int fhirMaxPages();
}
