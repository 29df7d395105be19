package io.crosscheck.fhir.rest;

import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.CrosscheckQuestionnaires;
import io.crosscheck.fhir.service.FhirPublications;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * Crosscheck's FHIR publications: the capability statement, the Crosscheck code system and its questionnaires (SDC;
 * public: no client data).
 */
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

    @GET
    @Path("Questionnaire/{id}")
    @PermitAll
    @Operation(summary = "One of Crosscheck's questionnaires (SDC): red-flags, screening-questions")
    public Response questionnaire(@PathParam("id") String id) {
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            return CrosscheckQuestionnaires.byId(lease.knowledgeBase(), id)
                    .map(FhirResource::fhir)
                    .orElseThrow(NotFoundException::new);
        }
    }

    @GET
    @Path("Questionnaire")
    @PermitAll
    @Operation(summary = "Crosscheck's questionnaires as a searchset Bundle; url= selects one by canonical URL")
    public Response questionnaires(@QueryParam("url") String url) {
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            for (Questionnaire q : CrosscheckQuestionnaires.all(lease.knowledgeBase())) {
                if (url == null || q.getUrl().equals(url.replaceFirst("\\|.*$", ""))) {
                    b.addEntry().setResource(q).setFullUrl(q.getUrl());
                }
            }
            b.setTotal(b.getEntry().size());
            return fhir(b);
        }
    }

    static Response fhir(org.hl7.fhir.r4.model.Resource resource) {
        return Response.ok(FhirSupport.r4().newJsonParser().encodeResourceToString(resource), FHIR_JSON)
                .build();
    }
}
