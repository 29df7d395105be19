package io.crosscheck.web.rest;

import static io.crosscheck.web.rest.PageInput.uuid;

import io.crosscheck.common.access.Role;
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

/**
 * The take-home sheet as PDF from the pages ({@code /ui/screenings/{id}/sheet.pdf?paper=a4|letter&lang=en|es}): the
 * "Print / Download PDF" action of the sheet and its edit step. Rendered on a worker thread, never the event loop.
 */
@Path("/ui/screenings/{id}/sheet.pdf")
@RolesAllowed(Role.PHYSIO)
public class SheetPdfPages {

    private final SheetDocuments documents;

    SheetPdfPages(SheetDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Blocking
    @Produces("application/pdf")
    public Response pdf(
            @PathParam("id") String id, @QueryParam("paper") String paper, @QueryParam("lang") String lang) {
        return download(documents, uuid(id), paper, lang);
    }

    /** The PDF as a download named for its language and paper; 404 without the screening, 422 for a bad query. */
    static Response download(SheetDocuments documents, java.util.UUID id, String paper, String lang) {
        SheetDocuments.Paper p = SheetDocuments.paper(paper, lang);
        SheetDocuments.Document d = documents
                .pdf(id, lang == null || lang.isBlank() ? null : lang.strip(), p)
                .orElseThrow(NotFoundException::new);
        return Response.ok(d.pdf(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + d.fileName() + "\"")
                .header("Content-Language", d.language())
                .header("Cache-Control", "no-store")
                .build();
    }
}
