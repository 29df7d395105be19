package io.crosscheck.cdshooks.service;

import ca.uhn.fhir.parser.DataFormatException;
import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.fhir.config.FhirSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Fetches what the EHR did not prefetch from its FHIR server, with the access token it gave
 * ({@code fhirAuthorization}), over plain FHIR REST (JDK HttpClient, HAPI's parser). Only servers
 * registered for the EHR client are called, and search paging never leaves that server.
 */
@ApplicationScoped
public class FhirFetcher {

    /** Data that could not be obtained; the service answers 412. */
    public static class Unobtainable extends RuntimeException {
        public Unobtainable(String message) {
            super(message, null, false, false);
        }
    }

    private final EhrConfig config;
    private final HttpClient http;

    FhirFetcher(EhrConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.fhirTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Reads {@code query} (relative to {@code server}); a search follows its next links, up to the configured pages. */
    public Resource fetch(String server, String token, String query) {
        String base = server.replaceAll("/+$", "");
        Resource first = get(base, token, base + "/" + query);
        if (!(first instanceof Bundle bundle)) {
            return first;
        }
        Bundle page = bundle;
        for (int i = 1; i < config.fhirMaxPages() && page.getLink(Bundle.LINK_NEXT) != null; i++) {
            String next = page.getLink(Bundle.LINK_NEXT).getUrl();
            if (next == null || !next.startsWith(base + "/") && !next.startsWith(base + "?")) {
                break; // paging never leaves the registered server
            }
            Resource r = get(base, token, next);
            if (!(r instanceof Bundle b)) {
                break;
            }
            bundle.getEntry().addAll(b.getEntry());
            page = b;
        }
        return bundle;
    }

    private Resource get(String base, String token, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.fhirTimeout())
                .header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unobtainable("the FHIR server could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unobtainable("interrupted while fetching from the FHIR server");
        } catch (IllegalArgumentException e) {
            throw new Unobtainable("the FHIR server URL is not usable");
        }
        if (response.statusCode() != 200) {
            throw new Unobtainable(
                    "the FHIR server answered " + response.statusCode() + " for a " + resourceType(url) + " query");
        }
        try {
            return (Resource) FhirSupport.lenientJsonParser().parseResource(response.body());
        } catch (DataFormatException | ClassCastException e) {
            throw new Unobtainable("the FHIR server's answer to a " + resourceType(url) + " query is not FHIR JSON");
        }
    }

    private static String resourceType(String url) {
        String path = URI.create(url).getPath();
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return parts[i];
            }
        }
        return "FHIR";
    }
}
