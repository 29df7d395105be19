package io.crosscheck.web.rest;

import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.knowledge.service.ProposalReviews.Refused;
import io.crosscheck.web.service.WebCornerstones;
import io.crosscheck.web.service.WebProposals;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The authors' cornerstone pages (issue 28): every case with its origin and status, promoting a clinician's note from
 * a rule page, a case's scenario file, and accepting a changed conclusion from a version's page (where the side by
 * side is). Every form post carries the CSRF token; bad input shows the page again with the reason.
 */
@Path("/ui/kb/cornerstones")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.AUTHOR)
public class CornerstonePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Chrome chrome, List<WebCornerstones.Row> rows, String error);
    }

    private final WebCornerstones cornerstones;
    private final WebProposals proposals;
    private final Caller caller;
    private final SecurityIdentity identity;
    private final Csrf csrf;

    CornerstonePages(
            WebCornerstones cornerstones, WebProposals proposals, Caller caller, SecurityIdentity identity, Csrf csrf) {
        this.cornerstones = cornerstones;
        this.proposals = proposals;
        this.caller = caller;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(chrome(), cornerstones.rows(null), null);
    }

    /** Promotes a disagreement or an override shown on a rule page, then shows the rule's cases. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response promote(
            @FormParam("kind") String kind,
            @FormParam("id") String id,
            @FormParam("reason") String reason,
            @FormParam("rule") String rule,
            @FormParam(Csrf.FIELD) String token,
            @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(token, cookie);
        return step(
                () -> {
                    cornerstones.promote(kind, id, reason);
                    String back = rule != null && rule.matches("[A-Z]{3}-[0-9]{3}")
                            ? "/ui/kb/rules/" + rule + "#cornerstones"
                            : "/ui/kb/cornerstones";
                    return Response.seeOther(URI.create(back)).build();
                },
                error -> page(error.status(), Templates.list(chrome(), cornerstones.rows(null), error.message())));
    }

    /** The case as a scenario file for {@code rules/scenarios/}. */
    @GET
    @Path("{id}/scenario.yaml")
    @Produces("application/yaml")
    public Response scenario(@PathParam("id") String id) {
        try {
            Map.Entry<String, String> file = cornerstones.scenario(uuid(id));
            return Response.ok(file.getValue(), "application/yaml; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file.getKey() + "\"")
                    .build();
        } catch (Refused r) {
            throw new NotFoundException();
        }
    }

    /** Accepts (or confirms) the conclusion {@code version} gives the case, then shows the version's page there. */
    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(
            @PathParam("id") String id,
            @FormParam("version") String version,
            @FormParam("reason") String reason,
            @FormParam(Csrf.FIELD) String token,
            @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(token, cookie);
        UUID cornerstone = uuid(id);
        return step(
                () -> {
                    cornerstones.accept(cornerstone, version, reason, caller.name());
                    return Response.seeOther(URI.create("/ui/kb/proposals/" + version + "#cornerstone-"
                                    + cornerstone.toString().substring(0, 8)))
                            .build();
                },
                error -> page(
                        error.status(),
                        ProposalPages.Templates.version(
                                chrome(),
                                proposals
                                        .page(version == null ? "" : version, caller.name())
                                        .orElseThrow(NotFoundException::new),
                                error.message())));
    }

    private record Error(int status, String message) {}

    private static Response step(Supplier<Response> step, java.util.function.Function<Error, Response> shown) {
        try {
            return step.get();
        } catch (InvalidRequestException e) {
            return shown.apply(new Error(
                    e.status(),
                    String.join(
                            "; ",
                            e.errors().stream()
                                    .map(f -> (f.field().startsWith("/")
                                                    ? f.field().substring(1)
                                                    : f.field()) + " " + f.message())
                                    .toList())));
        } catch (Refused r) {
            if (r.status() == 404) {
                throw new NotFoundException();
            }
            return shown.apply(new Error(r.status(), r.getMessage()));
        }
    }

    private static UUID uuid(String id) {
        return PageInput.uuid(id);
    }

    private Chrome chrome() {
        return Chrome.of(identity, "kb");
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML).build();
    }
}
