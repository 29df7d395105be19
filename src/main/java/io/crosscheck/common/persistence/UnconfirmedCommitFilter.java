package io.crosscheck.common.persistence;

import io.crosscheck.common.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A request whose commit could not be confirmed on stable storage ({@link DurableCommits}) is not acknowledged as
 * stored: whatever it was about to answer becomes the 503 of a commit whose outcome is unknown, as when the database
 * goes away during the commit (an idempotent retry settles it).
 */
public class UnconfirmedCommitFilter {

    private final CommitDurability durability;

    UnconfirmedCommitFilter(CommitDurability durability) {
        this.durability = durability;
    }

    @ServerResponseFilter
    public void unconfirmed(ContainerResponseContext response) {
        if (!durability.isUnconfirmed() || response.getStatus() >= 500) {
            return;
        }
        Response problem = ProblemMappers.databaseUnavailable(durability.detail());
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.getHeaders().remove(HttpHeaders.ETAG);
        // a read answered with its stored gzip bytes: the problem replaces them, uncompressed
        response.getHeaders().remove(HttpHeaders.CONTENT_ENCODING);
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        response.setStatus(problem.getStatus());
        response.setEntity(problem.getEntity(), new Annotation[0], problem.getMediaType());
        response.getHeaders().putSingle("Retry-After", problem.getHeaderString("Retry-After"));
    }
}
