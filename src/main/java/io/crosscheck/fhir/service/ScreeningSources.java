package io.crosscheck.fhir.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.InterventionOrders;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningReads;
import io.crosscheck.screening.service.ScreeningService;
import io.crosscheck.screening.service.ScreeningStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Reference;

/**
 * What a stored screening's Bundle is made from ({@link ScreeningBundles.Source}): the result as stored and where it
 * stands in its amendment chain, the request it answered (its examination), the serving knowledge base's orders, and
 * the subject. The subject is the EHR's Patient when the caller names it ({@code patient}: an id, {@code Patient/id}
 * or an absolute Patient URL), checked against the screening when an EHR made it ({@link PatientLinks}: another
 * patient is a 422); otherwise the pseudonymous client reference. Reads only the caller's clinic.
 */
@ApplicationScoped
public class ScreeningSources {

    /** A FHIR id, alone, as {@code Patient/<id>}, or at the end of an absolute {@code .../Patient/<id>} URL. */
    static final Pattern PATIENT = Pattern.compile("^(?:(https://[^\\s?#]+/)?Patient/)?([A-Za-z0-9\\-.]{1,64})$");

    private final ScreeningReads screenings;
    private final ScreeningStore store;
    private final KnowledgeBaseService knowledgeBases;
    private final Instance<PatientLinks> links;
    private final ObjectMapper json;

    ScreeningSources(
            ScreeningReads screenings,
            ScreeningStore store,
            KnowledgeBaseService knowledgeBases,
            Instance<PatientLinks> links,
            ObjectMapper json) {
        this.screenings = screenings;
        this.store = store;
        this.knowledgeBases = knowledgeBases;
        this.links = links;
        this.json = json;
    }

    /** The screening's Bundle source; empty when the caller's clinic has no such screening. */
    public Optional<ScreeningBundles.Source> find(UUID id, String patient) {
        Optional<ObjectNode> found = screenings.tree(id, false);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode stored = found.get();
        stored.remove("explanation");
        // a screening in an amendment chain carries where it stands in it, which is not part of the result
        JsonNode amendment = stored.remove("amendment");
        // the visit (its time and the clinician's notes) is beside the result, not part of it
        stored.remove("visit");
        try {
            ScreeningResult result = json.treeToValue(stored, ScreeningResult.class);
            ScreeningBundles.ChainPosition chain = null;
            if (amendment != null) {
                ScreeningService.AmendmentInfo a = json.treeToValue(amendment, ScreeningService.AmendmentInfo.class);
                chain = new ScreeningBundles.ChainPosition(
                        a.version(), a.amends(), a.reason(), a.supersededBy(), a.supersededByVersion());
            }
            String requestJson = Screening.<Screening>find("id = ?1 and clinicId = ?2", id, store.clinic())
                    .firstResultOptional()
                    .map(s -> s.request())
                    .orElse(null);
            ScreeningRequest request = requestJson == null ? null : json.readValue(requestJson, ScreeningRequest.class);
            InterventionOrders orders;
            try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
                orders = lease.knowledgeBase().reference().orders();
            }
            return Optional.of(
                    new ScreeningBundles.Source(result, request, chain, orders, subject(result.clientRef(), patient)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The subject of what is filed for a client of the caller's clinic: the EHR's Patient when {@code patient} names
     * it (checked as above: another patient is a 422 naming {@code patient}), else the pseudonymous client reference.
     */
    public Reference subject(String clientRef, String patient) {
        if (patient == null || patient.isBlank()) {
            return ScreeningBundles.clientSubject(clientRef);
        }
        Matcher m = PATIENT.matcher(patient.strip());
        if (!m.matches()) {
            throw refused("must be the EHR's Patient: its id, Patient/<id> or an https URL ending in /Patient/<id>");
        }
        String patientId = m.group(2);
        if (clientRef != null && links.isResolvable()) {
            Optional<Boolean> same = links.get().matches(store.clinic(), clientRef, patientId);
            if (same.isPresent() && !same.get()) {
                throw refused("is not the patient this screening was made for");
            }
        }
        return new Reference(m.group(1) == null ? "Patient/" + patientId : m.group(1) + "Patient/" + patientId);
    }

    /** The patient id is not echoed: it identifies the patient. */
    private static InvalidRequestException refused(String why) {
        return new InvalidRequestException(422, List.of(new FieldError("patient", why)));
    }
}
