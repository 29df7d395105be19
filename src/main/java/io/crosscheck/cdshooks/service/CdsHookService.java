package io.crosscheck.cdshooks.service;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.cdshooks.security.CdsIdentityProvider;
import io.crosscheck.cdshooks.store.CdsInvocation;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.cdshooks.store.IssuedCard;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import org.hl7.fhir.r4.model.Resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CDS Hooks service call: read the request, take the prefetched FHIR data (fetching what is missing
 * from the EHR's FHIR server, or 412), map it to a {@link ScreeningRequest} (unknown codes skipped and
 * listed), screen and store it through {@link ScreeningService} exactly as {@code POST /api/v1/screenings}
 * does, record the hook instance and the EHR client, and answer with cards.
 */
@ApplicationScoped
public class CdsHookService {

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern LIST_ITEM = Pattern.compile("^/(observations|muscleLength|movementPatterns|symptoms|redFlags)/(\\d+)(/.*)?$");
    private static final Pattern OBJECT_FIELD = Pattern.compile("^/(breathing|psychosocial|lifestyle)/(\\w+)(/.*)?$");

    private final ObjectMapper json;
    private final ScreeningService screenings;
    private final KnowledgeBaseService knowledgeBases;
    private final FhirFetcher fetcher;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();

    CdsHookService(ObjectMapper json, ScreeningService screenings, KnowledgeBaseService knowledgeBases, FhirFetcher fetcher,
                   SecurityIdentity identity) {
        this.json = json;
        this.screenings = screenings;
        this.knowledgeBases = knowledgeBases;
        this.fetcher = fetcher;
        this.identity = identity;
    }

    /** The parts of a CDS Hooks request Crosscheck uses. */
    record HookRequest(String hook, String hookInstance, String patientId, String fhirServer, String accessToken,
                       JsonNode prefetch) {
    }

    public CdsModel.Response call(String serviceId, String body, String baseUrl) {
        CdsModel.Service service = CdsServices.byId(serviceId).orElseThrow(NotFoundException::new);
        HookRequest request = read(body, service);
        String issuer = identity.getAttribute(CdsIdentityProvider.ISSUER);
        String clinic = identity.getAttribute(CdsIdentityProvider.CLINIC);
        List<FhirScreeningMapper.Located> resources = resources(request, issuer);

        ReferenceData reference;
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            reference = lease.knowledgeBase().reference();
        }
        FhirScreeningMapper.Result mapped = new FhirScreeningMapper(reference, FhirScreeningMapper.Mode.LENIENT,
                LocalDate.now(clock.withZone(ZoneOffset.UTC))).map(resources, pseudonym(issuer, request.patientId()));
        List<Map<String, String>> skipped = new ArrayList<>();
        mapped.skipped().forEach(s -> skipped.add(skippedEntry(s.code(), s.resourceType(), s.reason())));
        if (!mapped.ok()) {
            throw new PreconditionFailed("The patient's data cannot be screened: "
                    + String.join("; ", mapped.errors().stream().map(FieldError::message).toList()));
        }
        ObjectNode requestJson = json.valueToTree(mapped.request());
        EhrClient client = QuarkusTransaction.requiringNew().call(() -> EhrClient.<EhrClient>findById(issuer));
        CardBuilder builder = new CardBuilder(json, baseUrl, client != null && client.smartClientId != null);
        Outcome outcome;
        try {
            outcome = screen(requestJson, builder, request, serviceId, issuer, clinic, service.hook());
        } catch (InvalidRequestException e) {
            // values the REST API would refuse (out of range, repeated): dropped from the EHR's data and listed
            if (!drop(requestJson, e.errors(), skipped)) {
                throw e;
            }
            outcome = screen(requestJson, builder, request, serviceId, issuer, clinic, service.hook());
        }
        Map<String, Object> crosscheck = new LinkedHashMap<>();
        crosscheck.put("knowledgeBaseVersion", outcome.result.knowledgeBase().version());
        crosscheck.put("screeningId", outcome.result.id().toString());
        crosscheck.put("result", builder.resultUrl(outcome.result.id()));
        crosscheck.put("redFlagScreen", outcome.result.summary() == null ? null : outcome.result.summary().redFlagScreen());
        crosscheck.put("skippedCodes", skipped);
        return new CdsModel.Response(outcome.cards.stream().map(CardBuilder.Issued::card).toList(), Map.of("crosscheck", crosscheck));
    }

    private record Outcome(ScreeningResult result, List<CardBuilder.Issued> cards) {
    }

    /** Screens and stores the screening, the invocation and the cards in one transaction. */
    private Outcome screen(ObjectNode requestJson, CardBuilder builder, HookRequest request, String serviceId, String issuer,
                           String clinic, String hook) {
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

    /** Removes what the errors point at (list items, single fields); false when an error cannot be dropped. */
    private static boolean drop(ObjectNode request, List<FieldError> errors, List<Map<String, String>> skipped) {
        Map<String, TreeSet<Integer>> items = new LinkedHashMap<>();
        List<String[]> fields = new ArrayList<>();
        for (FieldError e : errors) {
            Matcher list = LIST_ITEM.matcher(e.field() == null ? "" : e.field());
            Matcher field = OBJECT_FIELD.matcher(e.field() == null ? "" : e.field());
            if (list.matches()) {
                items.computeIfAbsent(list.group(1), k -> new TreeSet<>()).add(Integer.parseInt(list.group(2)));
            } else if (field.matches()) {
                fields.add(new String[] {field.group(1), field.group(2)});
            } else {
                return false;
            }
        }
        items.forEach((name, indices) -> {
            ArrayNode array = (ArrayNode) request.get(name);
            for (int i : indices.descendingSet()) {
                if (array != null && i < array.size()) {
                    JsonNode item = array.get(i);
                    String code = item.path("code").asText(item.path("muscle").asText(item.path("test").asText(item.path("region").asText())));
                    skipped.add(skippedEntry(code, name, "value refused by the screening (out of range, wrong unit or repeated)"));
                    array.remove(i);
                }
            }
        });
        for (String[] f : fields) {
            if (request.get(f[0]) instanceof ObjectNode o) {
                o.remove(f[1]);
                skipped.add(skippedEntry(f[0] + "." + f[1], f[0], "value refused by the screening (out of range)"));
            }
        }
        return true;
    }

    private static Map<String, String> skippedEntry(String code, String resourceType, String reason) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("resourceType", resourceType);
        m.put("reason", reason);
        return m;
    }

    // ---- request ----

    private HookRequest read(String body, CdsModel.Service service) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(400, List.of(new FieldError("", "malformed JSON")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(400, List.of(new FieldError("", "a CDS Hooks request object is required")));
        }
        String hook = text(root, "hook");
        if (hook == null) {
            errors.add(new FieldError("/hook", "required"));
        } else if (!hook.equals(service.hook())) {
            errors.add(new FieldError("/hook", "this service answers the " + service.hook() + " hook", hook));
        }
        String instance = text(root, "hookInstance");
        if (instance == null || instance.length() > 128) {
            errors.add(new FieldError("/hookInstance", "required, at most 128 characters"));
        }
        JsonNode context = root.get("context");
        String patientId = null;
        if (context == null || !context.isObject()) {
            errors.add(new FieldError("/context", "required object"));
        } else {
            patientId = text(context, "patientId");
            if (patientId == null || !FHIR_ID.matcher(patientId).matches()) {
                errors.add(new FieldError("/context/patientId", "required FHIR id"));
                patientId = null;
            }
            if (text(context, "userId") == null) {
                errors.add(new FieldError("/context/userId", "required"));
            }
            if (service.hook().equals("encounter-start") && text(context, "encounterId") == null) {
                errors.add(new FieldError("/context/encounterId", "required for encounter-start"));
            }
        }
        String fhirServer = text(root, "fhirServer");
        if (fhirServer != null && !fhirServer.matches("https?://\\S+")) {
            errors.add(new FieldError("/fhirServer", "an absolute http(s) URL"));
        }
        String token = null;
        JsonNode auth = root.get("fhirAuthorization");
        if (auth != null && !auth.isNull()) {
            token = text(auth, "access_token");
            if (token == null) {
                errors.add(new FieldError("/fhirAuthorization/access_token", "required when fhirAuthorization is sent"));
            }
            String type = text(auth, "token_type");
            if (type != null && !type.equalsIgnoreCase("Bearer")) {
                errors.add(new FieldError("/fhirAuthorization/token_type", "must be Bearer", type));
            }
            if (fhirServer == null) {
                errors.add(new FieldError("/fhirServer", "required when fhirAuthorization is sent"));
            }
        }
        JsonNode prefetch = root.get("prefetch");
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            errors.add(new FieldError("/prefetch", "an object"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(400, errors);
        }
        return new HookRequest(hook, instance, patientId, fhirServer, token, prefetch);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    /** The prefetched resources, with what is missing fetched from the EHR's FHIR server; else 412. */
    private List<FhirScreeningMapper.Located> resources(HookRequest request, String issuer) {
        List<FhirScreeningMapper.Located> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : CdsServices.PREFETCH.keySet()) {
            JsonNode given = request.prefetch() == null ? null : request.prefetch().get(key);
            if (given == null || given.isNull()) {
                missing.add(key);
                continue;
            }
            Resource r;
            try {
                r = (Resource) FhirSupport.lenientJsonParser().parseResource(given.toString());
            } catch (DataFormatException | ClassCastException e) {
                throw new InvalidRequestException(400, List.of(new FieldError("/prefetch/" + key, "not a FHIR R4 resource")));
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
        if (client == null || client.fhirServerList().stream().map(s -> s.replaceAll("/+$", "")).noneMatch(server::equals)) {
            throw new PreconditionFailed("Prefetch missing (" + String.join(", ", missing)
                    + ") and the fhirServer is not registered for this EHR client, so Crosscheck does not call it");
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

    /** The stored client reference of an EHR patient: a digest of issuer and patient id, never the id itself. */
    public static String pseudonym(String issuer, String patientId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((issuer + "|" + patientId).getBytes(StandardCharsets.UTF_8));
            return "ehr-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 412: the data needed could not be obtained. */
    public static class PreconditionFailed extends WebApplicationException {
        public PreconditionFailed(String detail) {
            super(Problem.of("data-unobtainable", "Precondition Failed", 412, detail).toResponse());
        }
    }
}
