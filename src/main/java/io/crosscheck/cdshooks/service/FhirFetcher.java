package io.crosscheck.cdshooks.service;

import ca.uhn.fhir.parser.DataFormatException;
import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.fhir.config.FhirSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads from an EHR's FHIR server over plain FHIR REST (JDK HttpClient, asynchronous; HAPI's parser) with the access
 * token the EHR gave ({@code fhirAuthorization}). Only servers registered for the EHR client are called (checked by
 * the caller). A search follows its {@code next} links while within bounds ({@code crosscheck.ehr.fhir-max-pages},
 * {@code fhir-max-resources}) and the deadline, and only on the same server: a next link elsewhere is refused. Whatever
 * stops the reading early is recorded on the {@link ChartRead} as the reason it is incomplete, never dropped silently;
 * an OperationOutcome in the results is an error (incomplete) or a note.
 */
@ApplicationScoped
public class FhirFetcher {

    /** Data that could not be obtained at all (an HTTP error, not FHIR, unreachable). */
    public static class Unobtainable extends RuntimeException {
        public Unobtainable(String message) {
            super(message, null, false, false);
        }
    }

    private final EhrConfig config;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();

    FhirFetcher(EhrConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.fhirTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Reads {@code query} (relative to {@code server}) into {@code into}; completes exceptionally with {@link Unobtainable}. */
    CompletableFuture<Void> read(ChartRead into, String server, String token, String query, Instant deadline) {
        String base = server.replaceAll("/+$", "");
        return get(base + "/" + query, token, deadline).thenCompose(r -> take(into, base, token, r, deadline));
    }

    /** Takes a resource already read (a prefetched search's first page): its entries, then its next pages. */
    CompletableFuture<Void> take(ChartRead into, String server, String token, Resource r, Instant deadline) {
        String base = server == null ? null : server.replaceAll("/+$", "");
        if (r instanceof OperationOutcome oo) {
            outcome(into, oo);
            return CompletableFuture.completedFuture(null);
        }
        if (!(r instanceof Bundle page)) {
            into.add(r);
            return CompletableFuture.completedFuture(null);
        }
        int pages = into.page();
        for (Bundle.BundleEntryComponent e : page.getEntry()) {
            Resource res = e.getResource();
            if (res instanceof OperationOutcome oo) {
                outcome(into, oo);
            } else if (res != null) {
                into.add(res);
            }
        }
        Bundle.BundleLinkComponent link = page.getLink(Bundle.LINK_NEXT);
        String next = link == null ? null : link.getUrl();
        if (next == null || next.isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        if (base == null || token == null) {
            into.incomplete("more results than the EHR sent, and no FHIR server to read the next page from");
        } else if (!next.startsWith(base + "/") && !next.startsWith(base + "?")) {
            into.incomplete(
                    "the next page is on another server, which Crosscheck does not call; the rest was not read");
        } else if (pages >= config.fhirMaxPages()) {
            into.incomplete("more than " + config.fhirMaxPages() + " pages of results; the rest was not read");
        } else if (into.size() >= config.fhirMaxResources()) {
            into.incomplete("more than " + config.fhirMaxResources() + " results; the rest was not read");
        } else if (into.closed()) {
            return CompletableFuture.completedFuture(null);
        } else {
            return get(next, token, deadline).thenCompose(r2 -> take(into, base, token, r2, deadline));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** An error or fatal issue makes the key incomplete; a warning or information is kept as a note. */
    static void outcome(ChartRead into, OperationOutcome oo) {
        for (OperationOutcome.OperationOutcomeIssueComponent issue : oo.getIssue()) {
            String severity = issue.hasSeverity() ? issue.getSeverity().toCode() : "error";
            String code = issue.hasCode() ? issue.getCode().toCode() : "unknown";
            if (severity.equals("error") || severity.equals("fatal")) {
                into.incomplete("the EHR reported an error (" + code + "); the data may be incomplete");
            } else {
                into.note("the EHR reported a " + severity + " (" + code + ")");
            }
        }
        if (oo.getIssue().isEmpty()) {
            into.incomplete("the EHR answered with an OperationOutcome instead of data");
        }
    }

    private CompletableFuture<Resource> get(String url, String token, Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return CompletableFuture.failedFuture(new Unobtainable("not read within the deadline"));
        }
        Duration timeout = left.compareTo(config.fhirTimeout()) < 0 ? left : config.fhirTimeout();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Accept", "application/fhir+json")
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new Unobtainable("the FHIR server URL is not usable"));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(new Unobtainable(
                                failure.getCause() instanceof java.net.http.HttpTimeoutException
                                                || failure instanceof java.net.http.HttpTimeoutException
                                        ? "not read within the deadline"
                                        : "the FHIR server could not be reached"));
                    }
                    return parse(url, response);
                });
    }

    private static Resource parse(String url, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new CompletionException(new Unobtainable(
                    "the FHIR server answered " + response.statusCode() + " for a " + resourceType(url) + " query"));
        }
        try {
            return (Resource) FhirSupport.lenientJsonParser().parseResource(response.body());
        } catch (DataFormatException | ClassCastException e) {
            throw new CompletionException(
                    new Unobtainable("the FHIR server's answer to a " + resourceType(url) + " query is not FHIR JSON"));
        }
    }

    /** The message of an {@link Unobtainable} behind a failed read, or a general one. */
    static String why(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Unobtainable u) {
                return u.getMessage();
            }
        }
        return "the FHIR server could not be read";
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
