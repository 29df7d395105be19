package io.crosscheck.fhir.rest;

import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.CrosscheckQuestionnaires;
import io.crosscheck.fhir.service.FhirCapabilities;
import io.crosscheck.fhir.service.FhirClientUse;
import io.crosscheck.fhir.service.FhirProfiles;
import io.crosscheck.fhir.service.FhirPublications;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
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
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Crosscheck's FHIR publications (public: no client data): the capability statement, the Crosscheck code system, its
 * questionnaires (SDC), and the profiles its output declares, by id or searched by canonical url. What is served here
 * is exactly what the capability statement lists ({@code FhirCapabilitiesTest} compares the two).
 */
@Path("/fhir")
@Produces(FhirResource.FHIR_JSON)
public class FhirResource {

    public static final String FHIR_JSON = "application/fhir+json";

    private final KnowledgeBaseService knowledgeBases;
    private final Instance<FhirClientUse> clientUse;

    FhirResource(KnowledgeBaseService knowledgeBases, Instance<FhirClientUse> clientUse) {
        this.knowledgeBases = knowledgeBases;
        this.clientUse = clientUse;
    }

    @GET
    @Path("metadata")
    @PermitAll
    @Operation(summary = "FHIR CapabilityStatement: what Crosscheck serves as FHIR, and what it reads as a SMART app")
    public Response metadata(@Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        return fhir(FhirCapabilities.statement(
                base,
                knowledgeBases.current().version(),
                clientUse.isResolvable() ? clientUse.get().use() : null));
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
    @Path("StructureDefinition/{id}")
    @PermitAll
    @Operation(summary = "A profile Crosscheck's output declares (meta.profile), by id")
    public Response profile(@PathParam("id") String id) {
        return fhir(FhirProfiles.read(id).orElseThrow(NotFoundException::new));
    }

    @GET
    @Path("StructureDefinition")
    @PermitAll
    @Operation(summary = "The profiles Crosscheck's output declares, all or the one with a canonical url (searchset)")
    public Response profiles(@QueryParam("url") String url, @Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "") + "/fhir/StructureDefinition/";
        Bundle found = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (StructureDefinition sd : FhirProfiles.all()) {
            if (url == null || url.equals(sd.getUrl())) {
                found.addEntry()
                        .setFullUrl(base + sd.getIdElement().getIdPart())
                        .setResource(sd)
                        .getSearch()
                        .setMode(Bundle.SearchEntryMode.MATCH);
            }
        }
        found.setTotal(found.getEntry().size());
        return fhir(found);
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
