package io.crosscheck.cdshooks.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.security.CdsIdentityProvider;
import io.crosscheck.cdshooks.store.CdsInvocation;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.fhir.config.SiteConceptMaps;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningDrafts;
import io.crosscheck.screening.service.ScreeningService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Encounter;

/**
 * A CDS Hooks service call: read the request ({@link HookRequest}); decide whether the call gets cards at all
 * ({@link HookScope}: a physiotherapy encounter, or the screen asked for); read the chart ({@link ChartReader}: prefetch
 * and fetch, every resource checked to be the patient's, within one deadline); map it to a {@link ScreeningRequest}
 * (unknown codes skipped and listed: {@link SkippedCodes}; no "no" relied on when the chart was not fully read:
 * {@link ChartAnswers}); evaluate it through the one evaluation path; build the cards ({@link CardBuilder}) and leave out
 * those already shown ({@link CardLedger}). The screening, the call and the cards are stored only when a card is shown
 * for the first time. A chart with nothing relevant gets no card and nothing is stored.
 */
@ApplicationScoped
public class CdsHookService {

    private final ObjectMapper json;
    private final ScreeningDrafts screenings;
    private final KnowledgeBaseService knowledgeBases;
    private final ChartReader reader;
    private final CardLedger ledger;
    private final EhrConfig config;
    private final SecurityIdentity identity;
    private final SiteConceptMaps siteMaps;
    private final Clock clock = Clock.systemUTC();

    CdsHookService(
            ObjectMapper json,
            ScreeningDrafts screenings,
            KnowledgeBaseService knowledgeBases,
            ChartReader reader,
            CardLedger ledger,
            EhrConfig config,
            SecurityIdentity identity,
            SiteConceptMaps siteMaps) {
        this.json = json;
        this.screenings = screenings;
        this.knowledgeBases = knowledgeBases;
        this.reader = reader;
        this.ledger = ledger;
        this.config = config;
        this.identity = identity;
        this.siteMaps = siteMaps;
    }

    /** Discovery: the services, with prefetch templates from the knowledge base serving now. */
    public CdsModel.Discovery discovery() {
        return new CdsModel.Discovery(CdsServices.all(ChartQueries.templates(
                reference(), config.fhirPageSize(), siteMaps.translations().localCodes())));
    }

    public CdsModel.Response call(String serviceId, String body, String baseUrl) {
        String hook = CdsServices.hook(serviceId).orElseThrow(NotFoundException::new);
        HookRequest request = HookRequest.read(json, body, hook);
        Instant deadline = clock.instant().plus(config.fhirDeadline());
        String issuer = identity.getAttribute(CdsIdentityProvider.ISSUER);
        String clinic = identity.getAttribute(CdsIdentityProvider.CLINIC);
        ReferenceData reference = reference();
        Map<String, String> templates = ChartQueries.templates(
                reference, config.fhirPageSize(), siteMaps.translations().localCodes());
        EhrClient client = QuarkusTransaction.requiringNew().call(() -> EhrClient.<EhrClient>findById(issuer));
        Map<String, Object> crosscheck = new LinkedHashMap<>();

        List<String> noEncounter = new ArrayList<>();
        Encounter encounter =
                request.screenRequested() ? null : reader.encounter(request, client, templates, deadline, noEncounter);
        HookScope scope = HookScope.of(request, encounter, config.scope().physiotherapyEncounterCodes(), noEncounter);
        crosscheck.put("scope", Map.of("cards", scope.inScope(), "why", scope.why()));
        if (!scope.inScope()) {
            return new CdsModel.Response(List.of(), Map.of("crosscheck", crosscheck));
        }

        Chart chart = reader.chart(request, client, templates, deadline);
        FhirScreeningMapper.Result mapped = new FhirScreeningMapper(
                        reference,
                        FhirScreeningMapper.Mode.LENIENT,
                        LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                        siteMaps.translations())
                .map(chart.resources(), PatientPseudonym.of(issuer, request.patientId()));
        SkippedCodes skipped = new SkippedCodes();
        mapped.skipped().forEach(s -> skipped.add(s.code(), s.resourceType(), s.reason()));
        if (!mapped.ok()) {
            throw new PreconditionFailed("The patient's data cannot be screened: "
                    + String.join(
                            "; ",
                            mapped.errors().stream().map(FieldError::message).toList()));
        }
        ObjectNode requestJson = json.valueToTree(mapped.request());
        boolean asked = ChartAnswers.redFlagsAsked(requestJson);
        int setAside = chart.answersIncomplete() ? ChartAnswers.distrustNegatives(requestJson, reference) : 0;
        crosscheck.put("chart", ChartView.of(chart, setAside));
        crosscheck.put("skippedCodes", skipped.entries());
        if (!ChartAnswers.relevant(requestJson) && !chart.answersIncomplete()) {
            crosscheck.put("cards", "none: the chart holds nothing Crosscheck screens");
            return new CdsModel.Response(List.of(), Map.of("crosscheck", crosscheck));
        }
        CardBuilder builder = new CardBuilder(json, baseUrl, client != null && client.smartClientId != null)
                .orderedWith(reference.orders());
        CardBuilder.Context ctx = new CardBuilder.Context(asked, chart.lines(), chart.answersIncomplete());
        Call call = new Call(
                request, serviceId, hook, issuer, clinic, mapped.request().clientRef());
        Outcome outcome;
        try {
            outcome = screen(requestJson, builder, ctx, call);
        } catch (InvalidRequestException e) {
            // values the REST API would refuse (out of range, repeated): dropped from the EHR's data and listed
            if (!skipped.dropRefused(requestJson, e.errors())) {
                throw e;
            }
            outcome = screen(requestJson, builder, ctx, call);
        }
        crosscheck.put("knowledgeBaseVersion", outcome.result.knowledgeBase().version());
        if (outcome.stored) {
            crosscheck.put("screeningId", outcome.result.id().toString());
            crosscheck.put("result", builder.resultUrl(outcome.result.id()));
        }
        crosscheck.put(
                "redFlagScreen",
                outcome.result.summary() == null
                        ? null
                        : outcome.result.summary().redFlagScreen());
        crosscheck.put("alreadyShownToday", outcome.sorted.suppressed());
        return new CdsModel.Response(outcome.sorted.shown(), Map.of("crosscheck", crosscheck));
    }

    private record Call(
            HookRequest request, String serviceId, String hook, String issuer, String clinic, String clientRef) {}

    private record Outcome(ScreeningResult result, CardLedger.Sorted sorted, boolean stored) {}

    /** Evaluates; stores the screening, the call and the cards only when a card is shown for the first time. */
    private Outcome screen(ObjectNode requestJson, CardBuilder builder, CardBuilder.Context ctx, Call call) {
        String body = requestJson.toString();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return QuarkusTransaction.requiringNew().call(() -> {
            ScreeningService.Evaluated e = screenings.evaluate(body);
            ScreeningResult result = e.result();
            List<CardBuilder.Issued> cards =
                    builder.cards(result, call.request().patientId(), ctx);
            CardLedger.Sorted sorted = ledger.sort(
                    cards,
                    builder,
                    call.clinic(),
                    call.clientRef(),
                    call.issuer(),
                    call.request().hookInstance(),
                    today);
            if (sorted.fresh().isEmpty()) {
                return new Outcome(result, sorted, false);
            }
            screenings.store(e);
            CdsInvocation inv = new CdsInvocation();
            inv.screeningId = result.id();
            inv.serviceId = call.serviceId();
            inv.hook = call.hook();
            inv.hookInstance = call.request().hookInstance();
            inv.ehrClient = call.issuer();
            inv.clinicId = call.clinic();
            inv.createdAt = result.createdAt();
            inv.persist();
            ledger.record(sorted.fresh(), result.id(), call.clinic(), call.clientRef(), today);
            return new Outcome(result, sorted, true);
        });
    }

    private ReferenceData reference() {
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            return lease.knowledgeBase().reference();
        }
    }
}
