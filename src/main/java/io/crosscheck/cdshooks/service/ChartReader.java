package io.crosscheck.cdshooks.service;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads the chart for a hook call: the prefetched resources, and what is missing fetched from the EHR's FHIR server
 * (only a server registered for the EHR client, with the token it gave), all keys in parallel and every page within
 * one deadline ({@code crosscheck.ehr.fhir-deadline}). A prefetched search's next pages are followed as well. What is
 * not read completely (deadline, page bounds, an off-site next link, an HTTP error, an OperationOutcome) is reported
 * by key; a resource that is not the context's patient's is refused and reported. Without the patient's record (the
 * age) nothing can be screened: 412.
 */
@ApplicationScoped
class ChartReader {

    private final FhirFetcher fetcher;
    private final EhrConfig config;
    private final Clock clock = Clock.systemUTC();

    ChartReader(FhirFetcher fetcher, EhrConfig config) {
        this.fetcher = fetcher;
        this.config = config;
    }

    /** The encounter in context, or null with the reason in {@code why}; waits for a fetch at most until the deadline. */
    Encounter encounter(
            HookRequest request, EhrClient client, Map<String, String> templates, Instant deadline, List<String> why) {
        if (request.encounterId() == null) {
            why.add("no encounter in the hook's context");
            return null;
        }
        ChartRead read = new ChartRead(ChartQueries.ENCOUNTER);
        CompletableFuture<Void> f = start(read, request, client, templates, deadline, new ArrayList<>());
        if (f == null) {
            why.add("the encounter was not prefetched and cannot be fetched");
            return null;
        }
        String failed = await(List.of(read), List.of(f), deadline).get(ChartQueries.ENCOUNTER);
        for (Resource r : read.resources()) {
            if (r instanceof Encounter e
                    && request.encounterId().equals(e.getIdElement().getIdPart())
                    && PatientIdentity.refusal(e, request.patientId(), request.fhirServer()) == null) {
                return e;
            }
        }
        why.add(failed != null ? "the encounter could not be read: " + failed : "the encounter is not this patient's");
        return null;
    }

    /** The chart: patient, observations, conditions, questionnaire responses. */
    Chart chart(HookRequest request, EhrClient client, Map<String, String> templates, Instant deadline) {
        List<String> keys = List.of(
                ChartQueries.PATIENT,
                ChartQueries.OBSERVATIONS,
                ChartQueries.CONDITIONS,
                ChartQueries.QUESTIONNAIRE_RESPONSES);
        List<Chart.Refused> refused = new ArrayList<>();
        List<ChartRead> reads = new ArrayList<>();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            ChartRead read = new ChartRead(key);
            CompletableFuture<Void> f = start(read, request, client, templates, deadline, refused);
            if (f == null) {
                missing.add(key);
            } else {
                reads.add(read);
                futures.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new PreconditionFailed(
                    "Prefetch missing (" + String.join(", ", missing) + ") and " + fetchRefusal(request, client));
        }
        Map<String, String> failed = await(reads, futures, deadline);
        if (failed.containsKey(ChartQueries.PATIENT)) {
            throw new PreconditionFailed("Could not fetch patient: " + failed.get(ChartQueries.PATIENT));
        }
        List<FhirScreeningMapper.Located> resources = new ArrayList<>();
        Map<String, String> notRead = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (ChartRead read : reads) {
            String why = failed.containsKey(read.key) ? failed.get(read.key) : read.notRead();
            if (why != null) {
                notRead.put(read.key, why);
            }
            read.notes().forEach(n -> notes.add(Chart.label(read.key) + ": " + n));
            List<Resource> rs = read.resources();
            for (int i = 0; i < rs.size(); i++) {
                String path = read.key + "/" + i;
                String refusal = PatientIdentity.refusal(rs.get(i), request.patientId(), request.fhirServer());
                if (refusal == null) {
                    resources.addAll(FhirScreeningMapper.flatten(rs.get(i), path));
                } else {
                    refused.add(new Chart.Refused(rs.get(i).fhirType(), path, refusal));
                }
            }
        }
        if (resources.stream().noneMatch(l -> l.resource() instanceof org.hl7.fhir.r4.model.Patient)) {
            throw new PreconditionFailed("The patient's record was not obtained: "
                    + refused.stream()
                            .filter(r -> r.resourceType().equals("Patient"))
                            .map(Chart.Refused::why)
                            .findFirst()
                            .orElse("none was sent"));
        }
        return new Chart(resources, notRead, refused, notes);
    }

    /**
     * Starts reading a key: from its prefetched value (following its next pages), else from the FHIR server. Null when
     * the key is missing and cannot be fetched. A prefetched Patient that is not the context's, or an OperationOutcome
     * in place of the data, counts as missing (and is fetched when it can be).
     */
    private CompletableFuture<Void> start(
            ChartRead read,
            HookRequest request,
            EhrClient client,
            Map<String, String> templates,
            Instant deadline,
            List<Chart.Refused> refused) {
        JsonNode given = request.prefetch() == null ? null : request.prefetch().get(read.key);
        String server = fetchRefusal(request, client) == null ? request.fhirServer() : null;
        if (given != null && !given.isNull()) {
            Resource r;
            try {
                r = (Resource) FhirSupport.lenientJsonParser().parseResource(given.toString());
            } catch (DataFormatException | ClassCastException e) {
                throw new InvalidRequestException(
                        400, List.of(new FieldError("/prefetch/" + read.key, "not a FHIR R4 resource")));
            }
            String refusal = r instanceof org.hl7.fhir.r4.model.Patient
                    ? PatientIdentity.refusal(r, request.patientId(), request.fhirServer())
                    : null;
            if (refusal != null) {
                refused.add(new Chart.Refused("Patient", "/prefetch/" + read.key, refusal));
            } else if (r instanceof OperationOutcome oo) {
                ChartRead reported = new ChartRead(read.key);
                FhirFetcher.outcome(reported, oo);
                read.note("the EHR sent an OperationOutcome in place of the prefetched data"
                        + (server == null ? "" : "; fetched instead"));
                if (server == null) {
                    read.incomplete(reported.notRead());
                    return CompletableFuture.completedFuture(null);
                }
            } else {
                return fetcher.take(read, server, request.accessToken(), r, deadline);
            }
        }
        if (server == null || (read.key.equals(ChartQueries.ENCOUNTER) && request.encounterId() == null)) {
            return null;
        }
        String query = ChartQueries.query(templates.get(read.key), request.patientId(), request.encounterId());
        return fetcher.read(read, server, request.accessToken(), query, deadline);
    }

    /** Why the EHR's FHIR server cannot be called; null when it can. */
    private String fetchRefusal(HookRequest request, EhrClient client) {
        if (request.fhirServer() == null || request.accessToken() == null) {
            return "no fhirServer with fhirAuthorization to fetch it from";
        }
        String server = request.fhirServer().replaceAll("/+$", "");
        if (client == null
                || client.fhirServerList().stream()
                        .map(s -> s.replaceAll("/+$", ""))
                        .noneMatch(server::equals)) {
            return "the fhirServer is not registered for this EHR client, so Crosscheck does not call it";
        }
        if (!config.schemeAllowed(server)) {
            return "the fhirServer is not an https URL, so Crosscheck does not call it";
        }
        return null;
    }

    /** Waits for the reads until the deadline; closes them; returns, by key, why a read failed or did not finish. */
    private Map<String, String> await(List<ChartRead> reads, List<CompletableFuture<Void>> futures, Instant deadline) {
        long left = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // each read's own state is looked at below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, String> failed = new LinkedHashMap<>();
        for (int i = 0; i < reads.size(); i++) {
            CompletableFuture<Void> f = futures.get(i);
            reads.get(i).close();
            if (!f.isDone()) {
                f.cancel(true);
                failed.put(
                        reads.get(i).key,
                        "not read within the deadline (" + config.fhirDeadline().toMillis() + " ms)");
            } else if (f.isCompletedExceptionally()) {
                failed.put(
                        reads.get(i).key, f.handle((v, t) -> FhirFetcher.why(t)).join());
            }
        }
        return failed;
    }
}
