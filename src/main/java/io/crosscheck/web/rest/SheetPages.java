package io.crosscheck.web.rest;

import static io.crosscheck.web.rest.PageInput.uuid;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.screening.model.HomeProgrammeChoice;
import io.crosscheck.screening.service.ClientLanguages;
import io.crosscheck.screening.service.HomeProgrammeEdits;
import io.crosscheck.web.service.SheetDocuments;
import io.crosscheck.web.service.SheetEditForm;
import io.crosscheck.web.service.SheetView;
import io.crosscheck.web.service.SheetViews;
import io.crosscheck.web.service.TakeHomeSheets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the client takes home: the take-home sheet of a screening, in the client's words ({@link TakeHomeSheets}), and
 * the clinician's edit of it before printing (which exercises go home, their dose, a note: {@link HomeProgrammeEdits},
 * each save a new version) with the client's language ({@link ClientLanguages}; {@code ?lang=} on the sheet for one
 * print). Its pictures are served by {@link ExercisePicturePages}, its PDF by {@link SheetPdfPages}.
 */
@Path("/ui/screenings/{id}/sheet")
@RolesAllowed(Role.PHYSIO)
public class SheetPages {

    @CheckedTemplate(basePath = "ScreeningPages")
    static class Templates {
        static native TemplateInstance sheet(Chrome chrome, SheetView s);

        static native TemplateInstance sheetEdit(Chrome chrome, SheetEditForm f, SheetLanguages languages);
    }

    private final TakeHomeSheets sheets;
    private final HomeProgrammeEdits edits;
    private final ClientLanguages languages;
    private final Csrf csrf;
    private final SecurityIdentity identity;

    SheetPages(
            TakeHomeSheets sheets,
            HomeProgrammeEdits edits,
            ClientLanguages languages,
            Csrf csrf,
            SecurityIdentity identity) {
        this.sheets = sheets;
        this.edits = edits;
        this.languages = languages;
        this.csrf = csrf;
        this.identity = identity;
    }

    /** The sheet in the client's language, or in {@code lang} for this one print (422 naming it if unknown). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance sheet(@PathParam("id") String id, @QueryParam("lang") String lang) {
        List<FieldError> bad = SheetDocuments.languageErrors(lang);
        if (!bad.isEmpty()) {
            throw new InvalidRequestException(422, bad);
        }
        String language = lang == null || lang.isBlank() ? null : lang.strip();
        return Templates.sheet(
                Chrome.of(identity, "clients"),
                sheets.sheet(uuid(id), language)
                        .orElseThrow(NotFoundException::new)
                        .view());
    }

    @GET
    @Path("edit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance edit(@PathParam("id") String id) {
        UUID screening = uuid(id);
        return Templates.sheetEdit(
                Chrome.of(identity, "clients"), SheetEditForm.of(current(screening)), languages(screening));
    }

    /** The client's language, set from the edit step; back to the edit step. Audited (client.language). */
    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(
            @PathParam("id") String id, MultivaluedMap<String, String> body, @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(body.getFirst(Csrf.FIELD), cookie);
        UUID screening = uuid(id);
        languages.setForScreening(screening, body.getFirst("language"));
        return Response.seeOther(URI.create("/ui/screenings/" + screening + "/sheet/edit"))
                .build();
    }

    /** The client's language and the languages to choose from, each by its name in itself. */
    private SheetLanguages languages(UUID screening) {
        String current = languages.ofScreening(screening);
        List<SheetLanguages.Option> options = SheetViews.LANGUAGES.stream()
                .map(l -> new SheetLanguages.Option(l, sheets.words(l).name(), l.equals(current)))
                .toList();
        return new SheetLanguages(current, options);
    }

    /** The language choice of the edit step. */
    public record SheetLanguages(String current, List<Option> options) {
        public record Option(String code, String name, boolean selected) {}
    }

    @POST
    @Path("edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(
            @PathParam("id") String id, MultivaluedMap<String, String> body, @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(body.getFirst(Csrf.FIELD), cookie);
        UUID screening = uuid(id);
        Map<String, String> form = new HashMap<>();
        body.forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        SheetEditForm posted = SheetEditForm.posted(current(screening), form);
        try {
            edits.save(screening, posted.request());
        } catch (InvalidRequestException e) {
            return Response.status(e.status())
                    .type(MediaType.TEXT_HTML)
                    .entity(Templates.sheetEdit(
                            Chrome.of(identity, "clients"), posted.withErrors(e.errors()), languages(screening)))
                    .build();
        }
        return Response.seeOther(URI.create("/ui/screenings/" + screening + "/sheet"))
                .build();
    }

    private HomeProgrammeChoice.View current(UUID screening) {
        return edits.current(screening).orElseThrow(NotFoundException::new);
    }
}
