package io.crosscheck.web.rest;

import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.web.service.DerivationRow;
import io.crosscheck.web.service.ResultView;
import io.crosscheck.web.service.ScreeningForm;
import io.crosscheck.web.service.WebScreenings;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The physiotherapist's screening pages: the form, the result, its derivation and its printouts.
 * Thin: the form is read and laid out by {@link io.crosscheck.web.service.ScreeningForm}, screening goes
 * through the screening service, and a refused form comes back with the API's own messages.
 */
@Path("/ui/screenings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("physio")
public class ScreeningPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Chrome chrome, String heading, ScreeningForm.Model form, int errorCount,
                                            String action, String idempotencyKey, String submitLabel, String draftKey,
                                            String amendOf, String reason, String reasonError);

        static native TemplateInstance result(Chrome chrome, ResultView r);

        static native TemplateInstance derivation(Chrome chrome, String id, List<DerivationRow> rows);

        static native TemplateInstance derivationFragment(List<DerivationRow> rows);

        static native TemplateInstance report(Chrome chrome, ResultView r);

        static native TemplateInstance sheet(Chrome chrome, ResultView r);
    }

    private final WebScreenings screenings;
    private final SecurityIdentity identity;

    ScreeningPages(WebScreenings screenings, SecurityIdentity identity) {
        this.screenings = screenings;
        this.identity = identity;
    }

    @GET
    @Path("new")
    public TemplateInstance newScreening(@QueryParam("client") String clientRef) {
        Map<String, String> values = new LinkedHashMap<>();
        if (clientRef != null && !clientRef.isBlank()) {
            values.put("clientRef", clientRef);
        }
        return form(values, Map.of(), 0);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> posted, @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.verify(posted.getFirst(Csrf.FIELD), csrfCookie);
        Map<String, String> values = single(posted);
        ScreeningForm.Read read = screenings.read(values);
        try {
            UUID id = screenings.screen(read, blankToNull(values.get("idempotencyKey")));
            return Response.seeOther(URI.create("/ui/screenings/" + id)).build();
        } catch (InvalidRequestException e) {
            Map<String, String> errors = read.errorsByField(e.errors());
            return Response.status(e.status()).entity(form(values, errors, errors.size())).type(MediaType.TEXT_HTML).build();
        }
    }

    private TemplateInstance form(Map<String, String> values, Map<String, String> errors, int errorCount) {
        String key = values.getOrDefault("idempotencyKey", UUID.randomUUID().toString());
        return Templates.form(Chrome.of(identity, "new"), "New screening", screenings.model(values, errors), errorCount,
                "/ui/screenings", key, "Screen", "new", null, null, null);
    }

    @GET
    @Path("{id}")
    public TemplateInstance result(@PathParam("id") String id) {
        return Templates.result(Chrome.of(identity, "clients"), view(id));
    }

    @GET
    @Path("{id}/derivation")
    public TemplateInstance derivation(@PathParam("id") String id, @QueryParam("conclusion") String conclusion,
                                       @HeaderParam("HX-Request") String htmx) {
        WebScreenings.Stored s = screenings.stored(uuid(id)).orElseThrow(NotFoundException::new);
        List<DerivationRow> rows = screenings.derivation(s.screening(), conclusion);
        return "true".equals(htmx) ? Templates.derivationFragment(rows) : Templates.derivation(Chrome.of(identity, "clients"), id, rows);
    }

    @GET
    @Path("{id}/report")
    public TemplateInstance report(@PathParam("id") String id) {
        return Templates.report(Chrome.of(identity, "clients"), view(id));
    }

    @GET
    @Path("{id}/sheet")
    public TemplateInstance sheet(@PathParam("id") String id) {
        return Templates.sheet(Chrome.of(identity, "clients"), view(id));
    }

    private ResultView view(String id) {
        return screenings.stored(uuid(id)).map(screenings::view).orElseThrow(NotFoundException::new);
    }

    static Map<String, String> single(MultivaluedMap<String, String> posted) {
        Map<String, String> values = new LinkedHashMap<>();
        posted.forEach((k, v) -> {
            if (!v.isEmpty()) {
                values.put(k, v.get(0));
            }
        });
        return values;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
