package io.crosscheck.fhir.rest;

import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.FhirPublications;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Crosscheck's FHIR publications: the capability statement and the Crosscheck code system (public: no client data). */
@Path("/fhir")
@Produces(FhirResource.FHIR_JSON)
public class FhirResource {

    public static final String FHIR_JSON = "application/fhir+json";

    private final KnowledgeBaseService knowledgeBases;

    FhirResource(KnowledgeBaseService knowledgeBases) {
        this.knowledgeBases = knowledgeBases;
    }

    @GET
    @Path("metadata")
    @PermitAll
    @Operation(summary = "FHIR CapabilityStatement: what Crosscheck serves as FHIR")
    public Response metadata(@Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        return fhir(FhirPublications.capabilityStatement(
                base, knowledgeBases.current().version()));
    }

    @GET
    @Path("CodeSystem/crosscheck")
    @PermitAll
    @Operation(
            summary =
                    "The Crosscheck code system (codes read from and written to FHIR where no SNOMED CT concept is used)")
    public Response codeSystem() {
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            return fhir(FhirPublications.codeSystem(lease.knowledgeBase()));
        }
    }

    static Response fhir(org.hl7.fhir.r4.model.Resource resource) {
        return Response.ok(FhirSupport.r4().newJsonParser().encodeResourceToString(resource), FHIR_JSON)
                .build();
    }
}
