package io.crosscheck.web.rest;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.ScreeningSources;
import io.crosscheck.fhir.service.SheetDocumentReferences;
import io.crosscheck.web.service.SheetDocuments;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The client's take-home sheet as a FHIR R4 DocumentReference with the PDF attached
 * ({@code GET /api/v1/screenings/{id}/home-programme/document-reference}), for an EHR to file: subject the EHR's
 * Patient when {@code patient} names it (checked as for the screening's Bundle), in the client's language or
 * {@code lang}, on {@code paper}. Rendered on a worker thread. Beside the sheet's other pages and resources (the web
 * package renders the PDF; the FHIR package only builds the resource), so that FHIR does not depend on the web.
 */
@Path("/api/v1/screenings/{id}/home-programme/document-reference")
@RolesAllowed(Role.PHYSIO)
public class SheetDocumentReferenceResource {

    static final String FHIR_JSON = "application/fhir+json";

    private final SheetDocuments documents;
    private final ScreeningSources sources;

    SheetDocumentReferenceResource(SheetDocuments documents, ScreeningSources sources) {
        this.documents = documents;
        this.sources = sources;
    }

    @GET
    @Blocking
    @Produces(FHIR_JSON)
    @Operation(
            summary = "The take-home sheet as a FHIR R4 DocumentReference (LOINC 69730-0 Instructions) with the PDF "
                    + "attached (SHA-1 hash, size, language); patient: the EHR's Patient as subject; lang, paper as "
                    + "for sheet.pdf")
    @APIResponse(
            responseCode = "404",
            description = "No such screening in your clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "422",
            description = "An unknown paper or language, or a patient that is not the screening's, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response documentReference(
            @PathParam("id") String id,
            @QueryParam("patient") String patient,
            @QueryParam("paper") String paper,
            @QueryParam("lang") String lang) {
        UUID screening;
        try {
            screening = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        SheetDocuments.Paper p = SheetDocuments.paper(paper, lang);
        SheetDocuments.Document d = documents
                .pdf(screening, lang == null || lang.isBlank() ? null : lang.strip(), p)
                .orElseThrow(NotFoundException::new);
        var reference = SheetDocumentReferences.of(
                screening, sources.subject(d.clientRef(), patient), d.madeAt(), d.language(), d.title(), d.pdf());
        return Response.ok(FhirSupport.r4().newJsonParser().encodeResourceToString(reference), FHIR_JSON)
                .build();
    }
}
