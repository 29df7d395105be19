package io.crosscheck.common.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as {@code application/problem+json}. Client mistakes keep their 4xx status;
 * anything unexpected is a 500 whose detail reveals nothing of the request.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return e.toProblem().toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "This resource produces application/json";
            case 415 -> "Send the request body as application/json";
            default -> status.getReasonPhrase();
        };
        return Problem.of("http-" + status.getStatusCode(), status.getReasonPhrase(), status.getStatusCode(), detail).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error while handling a request", e);
        return Problem.of("internal", "Internal Server Error", 500, "The server could not complete the request").toResponse();
    }
}
