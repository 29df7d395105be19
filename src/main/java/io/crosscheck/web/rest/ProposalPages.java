package io.crosscheck.web.rest;

import io.crosscheck.authoring.service.ProposalWorkflow;
import io.crosscheck.authoring.service.ReloadService;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.knowledge.service.KnowledgeBaseService.ReloadResult;
import io.crosscheck.knowledge.service.ProposalReviews.Refused;
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
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The authors' proposal pages: every stored version with its label and status, proposing the working rules or an
 * uploaded archive, and one version's page (what it changed, its impact report, the thread, approve, reject,
 * propose again, activate). Every form post carries the CSRF token ({@link Csrf}); a step that is refused or given
 * bad input shows the page again with the reason.
 */
@Path("/ui/kb/proposals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.AUTHOR)
public class ProposalPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Chrome chrome, List<WebProposals.Row> rows, boolean approvalRequired, String error);

        static native TemplateInstance version(Chrome chrome, WebProposals.Page page, String error);
    }

    private final WebProposals proposals;
    private final ProposalWorkflow workflow;
    private final Caller caller;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final io.crosscheck.web.service.WebReverts reverts;

    ProposalPages(
            WebProposals proposals,
            ProposalWorkflow workflow,
            Caller caller,
            SecurityIdentity identity,
            Csrf csrf,
            io.crosscheck.web.service.WebReverts reverts) {
        this.reverts = reverts;
        this.proposals = proposals;
        this.workflow = workflow;
        this.caller = caller;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    public TemplateInstance list() {
        return listPage(null);
    }

    @GET
    @Path("{version}")
    public TemplateInstance version(@PathParam("version") String version) {
        return versionPage(version, null);
    }

    @POST
    @Path("working")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response proposeWorking(
            @FormParam("summary") String summary,
            @FormParam(Csrf.FIELD) String token,
            @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(token, cookie);
        return proposed(() -> workflow.proposeWorking(caller.name(), summary));
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @RestForm("archive") FileUpload archive,
            @RestForm("summary") String summary,
            @RestForm(Csrf.FIELD) String token,
            @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(token, cookie);
        return proposed(() -> workflow.proposeArchive(caller.name(), bytes(archive), summary, true));
    }

    @POST
    @Path("{version}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(
            @PathParam("version") String version,
            @FormParam("text") String text,
            @FormParam(Csrf.FIELD) String token,
            @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(token, cookie);
        return step(version, () -> workflow.comment(version, caller.name(), text), "#thread");
    }

    @POST
    @Path("{version}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(
            @PathParam("version") String version,
            @FormParam("comment") String comment,
            @FormParam(Csrf.FIELD) String token,
            @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(token, cookie);
        return step(version, () -> workflow.approve(version, caller.name(), comment), "#review");
    }

    @POST
    @Path("{version}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(
            @PathParam("version") String version,
            @FormParam("reason") String reason,
            @FormParam(Csrf.FIELD) String token,
            @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(token, cookie);
        return step(version, () -> workflow.reject(version, caller.name(), reason), "#review");
    }

    @POST
    @Path("{version}/repropose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response repropose(
            @PathParam("version") String version,
            @FormParam("summary") String summary,
            @FormParam(Csrf.FIELD) String token,
            @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(token, cookie);
        return step(version, () -> workflow.repropose(version, caller.name(), summary), "#review");
    }

    @POST
    @Path("{version}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(
            @PathParam("version") String version,
            @FormParam(Csrf.FIELD) String token,
            @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(token, cookie);
        try {
            ReloadResult result = workflow.activate(version, caller.name());
            if (!result.accepted()) {
                return page(
                        422,
                        versionPage(
                                version,
                                "The version failed validation and was not activated; " + result.previousVersion()
                                        + " keeps serving: " + problems(result.problems())));
            }
            return Response.seeOther(URI.create("/ui/kb")).build();
        } catch (Refused r) {
            return refused(version, r);
        }
    }

    /**
     * Undoes this version's changes and keeps the later ones (issue 24): a proposal to review, or, with
     * {@code emergency} and a reason, live at once after validation and awaiting another author's review.
     */
    @POST
    @Path("{version}/revert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revert(
            @PathParam("version") String version,
            @FormParam("emergency") String emergency,
            @FormParam("reason") String reason,
            @FormParam(Csrf.FIELD) String token,
            @CookieParam(Csrf.COOKIE) String cookie) {
        csrf.verify(token, cookie);
        io.crosscheck.web.service.WebReverts.Outcome outcome =
                reverts.revert(version, emergency, reason, caller.name()).orElseThrow(NotFoundException::new);
        return outcome.error() == null
                ? Response.seeOther(URI.create(outcome.redirect())).build()
                : page(outcome.status(), versionPage(version, outcome.error()));
    }

    private Response proposed(Supplier<ReloadService.Proposed> propose) {
        try {
            ReloadService.Proposed proposed = propose.get();
            if (proposed.proposal().isEmpty()) {
                return page(
                        422,
                        listPage("The candidate failed validation and was not stored: "
                                + problems(proposed.problems())));
            }
            return Response.seeOther(
                            URI.create("/ui/kb/proposals/" + proposed.proposal().get().version))
                    .build();
        } catch (InvalidRequestException e) {
            return page(e.status(), listPage(message(e)));
        } catch (Refused r) {
            return page(r.status(), listPage(r.getMessage()));
        }
    }

    private Response step(String version, Runnable step, String anchor) {
        try {
            step.run();
            return Response.seeOther(URI.create("/ui/kb/proposals/" + version + anchor))
                    .build();
        } catch (InvalidRequestException e) {
            return page(e.status(), versionPage(version, message(e)));
        } catch (Refused r) {
            return refused(version, r);
        }
    }

    private Response refused(String version, Refused r) {
        if (r.status() == 404) {
            throw new NotFoundException();
        }
        return page(r.status(), versionPage(version, r.getMessage()));
    }

    private TemplateInstance listPage(String error) {
        return Templates.list(chrome(), proposals.rows(), proposals.approvalRequired(), error);
    }

    private TemplateInstance versionPage(String version, String error) {
        return Templates.version(
                chrome(), proposals.page(version, caller.name()).orElseThrow(NotFoundException::new), error);
    }

    private Chrome chrome() {
        return Chrome.of(identity, "kb");
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML).build();
    }

    /** Each bad field's message, with the field named ("summary is required"). */
    private static String message(InvalidRequestException e) {
        return String.join(
                "; ",
                e.errors().stream()
                        .map(f -> (f.field().startsWith("/") ? f.field().substring(1) : f.field()) + " " + f.message())
                        .toList());
    }

    private static String problems(List<KnowledgeProblem> problems) {
        return String.join(
                "; ", problems.stream().map(KnowledgeProblem::toString).toList());
    }

    private static byte[] bytes(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (java.io.IOException e) {
            throw new InvalidRequestException(
                    422, List.of(new FieldError("/archive", "the uploaded file could not be read")));
        }
    }
}
