package io.crosscheck.authoring.rest;

import io.crosscheck.authoring.service.CandidateSources;
import io.crosscheck.authoring.service.ReloadService;
import io.crosscheck.authoring.service.UploadAudit;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.knowledge.service.KnowledgeBaseService.ReloadResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Hot reload for rule authors. The candidate is the configured rules directory (no body), a stored
 * version from the registry ({@code ?version=}), or an uploaded zip archive of {@code rules/} and
 * {@code kb-docs/} (body, {@code application/zip}); never a path named by the client. The author of
 * the load is the authenticated user.
 */
@Path("/api/v1/knowledge-base/reload")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUTHOR)
public class ReloadResource {

    private final ReloadService reloads;
    private final CandidateSources candidates;
    private final UploadAudit uploads;
    private final Caller caller;

    ReloadResource(ReloadService reloads, CandidateSources candidates, UploadAudit uploads, Caller caller) {
        this.reloads = reloads;
        this.candidates = candidates;
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON) // no body; refuses the content types a cross-site form can send
    @Operation(
            summary = "Build, validate (compile, lint, scenario suite) and, only if all pass, swap in the configured "
                    + "rules directory, or the stored version named by ?version=")
    public Response reload(@QueryParam("version") String version, @Context UriInfo uri) {
        if (uri.getQueryParameters().containsKey("author")) {
            throw new InvalidRequestException(
                    422,
                    List.of(new FieldError(
                            "author", "is not a parameter: the author of a load is the authenticated user")));
        }
        if (version != null) {
            var source = candidates.version(version, "version");
            return answer(reloads.reload(caller.name(), () -> source));
        }
        return answer(reloads.reload(caller.name()));
    }

    @POST
    @Consumes("application/zip")
    @Operation(summary = "Build, validate and, only if all pass, swap in an uploaded zip of rules/ (and kb-docs/)")
    public Response reloadArchive(byte[] archive, @QueryParam("version") String version, @Context UriInfo uri) {
        if (archive == null || archive.length == 0) {
            // a POST without a body (curl -X POST sends no Content-Type) reloads the directory or ?version=
            return reload(version, uri);
        }
        if (version != null) {
            throw new InvalidRequestException(
                    422, List.of(new FieldError("version", "give either an uploaded archive or ?version=, not both")));
        }
        var source = uploads.archive(archive, UploadAudit.Door.UPLOAD);
        return answer(reloads.reload(caller.name(), () -> source));
    }

    private static Response answer(ReloadResult result) {
        if (result.accepted()) {
            return Response.ok(result).build();
        }
        List<FieldError> errors = result.problems().stream()
                .map(p -> new FieldError(
                        p.file() + ":" + Math.max(1, p.line()) + ":" + Math.max(1, p.column()), p.message()))
                .toList();
        Problem problem = new Problem(
                "urn:crosscheck:problem:knowledge-base-rejected",
                "Knowledge base rejected",
                422,
                "The candidate failed validation; " + result.previousVersion() + " keeps serving",
                errors);
        return problem.toResponse();
    }
}
