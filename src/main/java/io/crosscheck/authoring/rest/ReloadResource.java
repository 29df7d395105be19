package io.crosscheck.authoring.rest;

import io.crosscheck.authoring.service.ReloadService;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.knowledge.service.KnowledgeBaseService.ReloadResult;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.regex.Pattern;

/** Hot reload of the rules directory, for rule authors. */
@Path("/api/v1/knowledge-base/reload")
@Produces(MediaType.APPLICATION_JSON)
public class ReloadResource {

    private static final Pattern AUTHOR = Pattern.compile("[\\p{L}0-9._@ -]{1,64}");

    private final ReloadService reloads;

    ReloadResource(ReloadService reloads) {
        this.reloads = reloads;
    }

    @POST
    @Operation(summary = "Build, validate (compile, lint, scenario suite) and, only if all pass, swap in the rules directory")
    public Response reload(@QueryParam("author") String author) {
        String by = author == null || author.isBlank() ? "api" : author.strip();
        if (!AUTHOR.matcher(by).matches()) {
            return Problem.invalid("Invalid request", 422, List.of(new FieldError("author",
                    "1-64 letters, digits, spaces or . _ @ -", author))).toResponse();
        }
        ReloadResult result = reloads.reload(by);
        if (result.accepted()) {
            return Response.ok(result).build();
        }
        List<FieldError> errors = result.problems().stream()
                .map(p -> new FieldError(p.file() + ":" + Math.max(1, p.line()) + ":" + Math.max(1, p.column()), p.message()))
                .toList();
        Problem problem = new Problem("urn:crosscheck:problem:knowledge-base-rejected", "Knowledge base rejected", 422,
                "The candidate failed validation; " + result.previousVersion() + " keeps serving", errors);
        return problem.toResponse();
    }
}
