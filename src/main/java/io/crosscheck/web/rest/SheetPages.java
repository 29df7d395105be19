package io.crosscheck.web.rest;

import static io.crosscheck.web.rest.PageInput.uuid;

import io.crosscheck.common.access.Role;
import io.crosscheck.web.service.SheetView;
import io.crosscheck.web.service.TakeHomeSheets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What the client takes home: the take-home sheet of a screening, in the client's words ({@link TakeHomeSheets}). Its
 * pictures are served by {@link ExercisePicturePages}.
 */
@Path("/ui/screenings/{id}/sheet")
@RolesAllowed(Role.PHYSIO)
public class SheetPages {

    @CheckedTemplate(basePath = "ScreeningPages")
    static class Templates {
        static native TemplateInstance sheet(Chrome chrome, SheetView s);
    }

    private final TakeHomeSheets sheets;
    private final SecurityIdentity identity;

    SheetPages(TakeHomeSheets sheets, SecurityIdentity identity) {
        this.sheets = sheets;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance sheet(@PathParam("id") String id) {
        return Templates.sheet(
                Chrome.of(identity, "clients"), sheets.sheet(uuid(id)).orElseThrow(NotFoundException::new));
    }
}
