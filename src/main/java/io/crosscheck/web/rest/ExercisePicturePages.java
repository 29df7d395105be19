package io.crosscheck.web.rest;

import io.crosscheck.common.access.Role;
import io.crosscheck.web.service.SheetViews;
import io.crosscheck.web.service.SheetWords;
import io.crosscheck.web.service.TakeHomeSheets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The exercise pictures the take-home sheet and the result page show ({@code /ui/exercise-pictures/{id}.svg}). A
 * picture is author content from the knowledge base: it is served only when it passes the picture whitelist
 * ({@link io.crosscheck.authoring.lint.ExercisePictures}), as an image with a Content-Security-Policy of its own under
 * which nothing may run or load (sandboxed), and the pages show it with {@code <img>}, never inline. With
 * {@code ?lang=es} its "Start" and "End" labels are the sheet's words in that language.
 */
@Path("/ui/exercise-pictures")
@RolesAllowed(Role.PHYSIO)
public class ExercisePicturePages {

    /** The policy of a picture, opened on its own or as an image: nothing may run, load or frame it. */
    static final String POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private final TakeHomeSheets sheets;

    ExercisePicturePages(TakeHomeSheets sheets) {
        this.sheets = sheets;
    }

    @GET
    @Path("{id}.svg")
    @Produces("image/svg+xml")
    public Response picture(@PathParam("id") String id, @QueryParam("lang") String lang) {
        String svg = sheets.picture(id).orElseThrow(NotFoundException::new);
        if (lang != null && !"en".equals(lang) && SheetViews.LANGUAGES.contains(lang)) {
            // the picture's two panel labels in the sheet's language (the picture check requires exactly these)
            SheetWords.Fixed w = sheets.words(lang).sheet();
            svg = svg.replace(">Start</text>", ">" + escape(w.pictureStart()) + "</text>")
                    .replace(">End</text>", ">" + escape(w.pictureEnd()) + "</text>");
        }
        return Response.ok(svg, "image/svg+xml; charset=utf-8")
                .header("Content-Security-Policy", POLICY)
                .header("Cache-Control", "private, max-age=300")
                .build();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
