package io.crosscheck.cdshooks.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.cdshooks.security.CdsIdentityProvider;
import io.crosscheck.cdshooks.store.CdsInvocation;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.cdshooks.store.IssuedCard;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CDS Hooks service call: read the request ({@link HookRequest}), take the prefetched FHIR data (fetching what is
 * missing from the EHR's FHIR server, or 412: {@link PrefetchResolver}), map it to a {@link ScreeningRequest} (unknown
 * codes skipped and listed: {@link SkippedCodes}), screen and store it through {@link ScreeningService} exactly as
 * {@code POST /api/v1/screenings} does, record the hook instance and the EHR client, and answer with cards.
 */
@ApplicationScoped
public class CdsHookService {

    private final ObjectMapper json;
    private final ScreeningService screenings;
    private final KnowledgeBaseService knowledgeBases;
    private final PrefetchResolver prefetch;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();

    CdsHookService(
            ObjectMapper json,
            ScreeningService screenings,
            KnowledgeBaseService knowledgeBases,
            PrefetchResolver prefetch,
            SecurityIdentity identity) {
        this.json = json;
        this.screenings = screenings;
        this.knowledgeBases = knowledgeBases;
        this.prefetch = prefetch;
        this.identity = identity;
    }

    public CdsModel.Response call(String serviceId, String body, String baseUrl) {
        CdsModel.Service service = CdsServices.byId(serviceId).orElseThrow(NotFoundException::new);
        HookRequest request = HookRequest.read(json, body, service);
        String issuer = identity.getAttribute(CdsIdentityProvider.ISSUER);
        String clinic = identity.getAttribute(CdsIdentityProvider.CLINIC);
        List<FhirScreeningMapper.Located> resources = prefetch.resources(request, issuer);

        ReferenceData reference;
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            reference = lease.knowledgeBase().reference();
        }
        FhirScreeningMapper.Result mapped = new FhirScreeningMapper(
                        reference, FhirScreeningMapper.Mode.LENIENT, LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                .map(resources, PatientPseudonym.of(issuer, request.patientId()));
        SkippedCodes skipped = new SkippedCodes();
        mapped.skipped().forEach(s -> skipped.add(s.code(), s.resourceType(), s.reason()));
        if (!mapped.ok()) {
            throw new PreconditionFailed("The patient's data cannot be screened: "
                    + String.join(
                            "; ",
                            mapped.errors().stream().map(FieldError::message).toList()));
        }
        ObjectNode requestJson = json.valueToTree(mapped.request());
        EhrClient client = QuarkusTransaction.requiringNew().call(() -> EhrClient.<EhrClient>findById(issuer));
        CardBuilder builder = new CardBuilder(json, baseUrl, client != null && client.smartClientId != null)
                .orderedWith(reference.orders());
        Outcome outcome;
        try {
            outcome = screen(requestJson, builder, request, serviceId, issuer, clinic, service.hook());
        } catch (InvalidRequestException e) {
            // values the REST API would refuse (out of range, repeated): dropped from the EHR's data and listed
            if (!skipped.dropRefused(requestJson, e.errors())) {
                throw e;
            }
            outcome = screen(requestJson, builder, request, serviceId, issuer, clinic, service.hook());
        }
        Map<String, Object> crosscheck = new LinkedHashMap<>();
        crosscheck.put("knowledgeBaseVersion", outcome.result.knowledgeBase().version());
        crosscheck.put("screeningId", outcome.result.id().toString());
        crosscheck.put("result", builder.resultUrl(outcome.result.id()));
        crosscheck.put(
                "redFlagScreen",
                outcome.result.summary() == null
                        ? null
                        : outcome.result.summary().redFlagScreen());
        crosscheck.put("skippedCodes", skipped.entries());
        return new CdsModel.Response(
                outcome.cards.stream().map(CardBuilder.Issued::card).toList(), Map.of("crosscheck", crosscheck));
    }

    private record Outcome(ScreeningResult result, List<CardBuilder.Issued> cards) {}

    /** Screens and stores the screening, the invocation and the cards in one transaction. */
    private Outcome screen(
            ObjectNode requestJson,
            CardBuilder builder,
            HookRequest request,
            String serviceId,
            String issuer,
            String clinic,
            String hook) {
        String body = requestJson.toString();
        return QuarkusTransaction.requiringNew().call(() -> {
            ScreeningResult result = screenings.screen(body);
            List<CardBuilder.Issued> cards = builder.cards(result, request.patientId());
            CdsInvocation inv = new CdsInvocation();
            inv.screeningId = result.id();
            inv.serviceId = serviceId;
            inv.hook = hook;
            inv.hookInstance = request.hookInstance();
            inv.ehrClient = issuer;
            inv.clinicId = clinic;
            inv.createdAt = result.createdAt();
            inv.persist();
            for (CardBuilder.Issued c : cards) {
                IssuedCard ic = new IssuedCard();
                ic.cardUuid = c.card().uuid();
                ic.screeningId = result.id();
                ic.clinicId = clinic;
                ic.kind = c.kind();
                ic.ruleId = c.ruleId();
                ic.persist();
            }
            return new Outcome(result, cards);
        });
    }
}
