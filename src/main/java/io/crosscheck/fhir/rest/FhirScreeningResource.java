package io.crosscheck.fhir.rest;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.config.SiteConceptMaps;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.crosscheck.fhir.service.ScreeningBundles;
import io.crosscheck.fhir.service.ScreeningSources;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.rest.ScreeningResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Screenings in and out as FHIR R4: {@code POST /api/v1/screenings} with {@code application/fhir+json}
 * (a Bundle, or a QuestionnaireResponse with the Patient contained) is mapped strictly (an unknown code
 * is a 422 naming where it is) and then screened exactly as the JSON request
 * ({@link ScreeningResource#create}); {@code GET /api/v1/screenings/{id}/fhir} returns a stored
 * screening as a Bundle.
 */
@Path("/api/v1/screenings")
public class FhirScreeningResource {

    private final ScreeningResource screenings;
    private final ScreeningSources sources;
    private final KnowledgeBaseService knowledgeBases;
    private final ObjectMapper json;
    private final SiteConceptMaps siteMaps;
    private final Clock clock = Clock.systemUTC();

    FhirScreeningResource(
            ScreeningResource screenings,
            ScreeningSources sources,
            KnowledgeBaseService knowledgeBases,
            ObjectMapper json,
            SiteConceptMaps siteMaps) {
        this.screenings = screenings;
        this.sources = sources;
        this.knowledgeBases = knowledgeBases;
        this.json = json;
        this.siteMaps = siteMaps;
    }

    @POST
    @Consumes(FhirResource.FHIR_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PHYSIO)
    @Operation(
            summary =
                    "Screen a client from FHIR: a Bundle (Patient, Observation, Condition, QuestionnaireResponse) or a "
                            + "QuestionnaireResponse with a contained Patient; mapped as in kb-docs/fhir-mapping.md, strictly")
    public Response create(
            String body,
            @QueryParam("explain") String explain,
            @Context UriInfo uri,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Resource resource;
        try {
            resource = (Resource) FhirSupport.strictJsonParser().parseResource(body == null ? "" : body);
        } catch (DataFormatException | ClassCastException e) {
            throw new InvalidRequestException(
                    400,
                    List.of(new FieldError("", "not a FHIR R4 resource in JSON (element names and types as in R4)")));
        }
        List<FhirScreeningMapper.Located> resources = new ArrayList<>();
        for (FhirScreeningMapper.Located l : FhirScreeningMapper.flatten(resource, "")) {
            resources.add(l);
            if (l.resource() instanceof DomainResource d) {
                for (int i = 0; i < d.getContained().size(); i++) {
                    resources.add(
                            new FhirScreeningMapper.Located(d.getContained().get(i), l.path() + "/contained/" + i));
                }
            }
        }
        FhirScreeningMapper.Result mapped;
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            mapped = new FhirScreeningMapper(
                            lease.knowledgeBase().reference(),
                            FhirScreeningMapper.Mode.STRICT,
                            LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                            siteMaps.translations())
                    .map(resources, null);
        }
        if (!mapped.ok()) {
            throw new InvalidRequestException(422, mapped.errors());
        }
        String request;
        try {
            request = json.writeValueAsString(mapped.request());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return screenings.create(request, explain, uri, idempotencyKey);
    }

    @GET
    @Path("{id}/fhir")
    @Produces(FhirResource.FHIR_JSON)
    @RolesAllowed(Role.PHYSIO)
    @Operation(
            summary = "A stored screening as a FHIR Bundle: GuidanceResponse, Observations, ClinicalImpression, "
                    + "RequestGroup of coded ServiceRequests, RiskAssessments, Provenance; each with its profile. "
                    + "patient: the EHR's Patient to name as subject (checked when an EHR made the screening)")
    public Response fhir(@PathParam("id") String id, @QueryParam("patient") String patient) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        ScreeningBundles.Source source = sources.find(uuid, patient).orElseThrow(NotFoundException::new);
        return FhirResource.fhir(ScreeningBundles.bundle(source));
    }
}
