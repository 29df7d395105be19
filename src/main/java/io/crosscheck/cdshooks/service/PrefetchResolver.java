package io.crosscheck.cdshooks.service;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR resources a hook call is screened from: the prefetched ones, and what is missing fetched from the EHR's
 * FHIR server with the token it gave, only when that server is registered for the EHR client; 412 otherwise.
 */
@ApplicationScoped
class PrefetchResolver {

    private final FhirFetcher fetcher;
    private final EhrConfig config;

    PrefetchResolver(FhirFetcher fetcher, EhrConfig config) {
        this.fetcher = fetcher;
        this.config = config;
    }

    /** The prefetched resources, with what is missing fetched from the EHR's FHIR server; else 412. */
    List<FhirScreeningMapper.Located> resources(HookRequest request, String issuer) {
        List<FhirScreeningMapper.Located> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : CdsServices.PREFETCH.keySet()) {
            JsonNode given =
                    request.prefetch() == null ? null : request.prefetch().get(key);
            if (given == null || given.isNull()) {
                missing.add(key);
                continue;
            }
            Resource r;
            try {
                r = (Resource) FhirSupport.lenientJsonParser().parseResource(given.toString());
            } catch (DataFormatException | ClassCastException e) {
                throw new InvalidRequestException(
                        400, List.of(new FieldError("/prefetch/" + key, "not a FHIR R4 resource")));
            }
            out.addAll(FhirScreeningMapper.flatten(r, "/prefetch/" + key));
        }
        if (missing.isEmpty()) {
            return out;
        }
        if (request.fhirServer() == null || request.accessToken() == null) {
            throw new PreconditionFailed("Prefetch missing (" + String.join(", ", missing)
                    + ") and no fhirServer with fhirAuthorization to fetch it from");
        }
        EhrClient client = QuarkusTransaction.requiringNew().call(() -> EhrClient.<EhrClient>findById(issuer));
        String server = request.fhirServer().replaceAll("/+$", "");
        if (client == null
                || client.fhirServerList().stream()
                        .map(s -> s.replaceAll("/+$", ""))
                        .noneMatch(server::equals)) {
            throw new PreconditionFailed("Prefetch missing (" + String.join(", ", missing)
                    + ") and the fhirServer is not registered for this EHR client, so Crosscheck does not call it");
        }
        if (!config.schemeAllowed(server)) {
            throw new PreconditionFailed("Prefetch missing (" + String.join(", ", missing)
                    + ") and the fhirServer is not an https URL, so Crosscheck does not call it");
        }
        for (String key : missing) {
            try {
                Resource r = fetcher.fetch(server, request.accessToken(), CdsServices.query(key, request.patientId()));
                out.addAll(FhirScreeningMapper.flatten(r, "fetched:" + key));
            } catch (FhirFetcher.Unobtainable e) {
                throw new PreconditionFailed("Could not fetch " + key + ": " + e.getMessage());
            }
        }
        return out;
    }
}
