package io.crosscheck.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.common.problem.Problem;
import io.crosscheck.common.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request whose commit could not be confirmed on the disk is never acknowledged as stored. */
class UnconfirmedCommitFilterTest {

    @Test
    void aCreatedAnswerBecomesA503OutcomeUnknownWhenTheCommitWasNotConfirmedOnDisk() {
        CommitDurability durability = new CommitDurability();
        durability.unconfirmed();
        Map<String, Object> state = new HashMap<>(Map.of("status", 201));
        ContainerResponseContext response = response(state);
        response.getHeaders().putSingle("Location", "/api/v1/screenings/x");

        new UnconfirmedCommitFilter(durability).unconfirmed(response);

        assertThat(state.get("status")).isEqualTo(503);
        assertThat(state.get("mediaType")).isEqualTo(Problem.PROBLEM_JSON);
        assertThat(((Problem) state.get("entity")).detail())
                .contains("database is unavailable")
                .contains("may or may not have been stored");
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getHeaders()).doesNotContainKey("Location");
    }

    @Test
    void aReadWhoseAuditEntryWasNotWrittenBecomesAnUncompressedProblemInsteadOfItsStoredGzipBytes() {
        CommitDurability durability = new CommitDurability();
        durability.unconfirmed(ProblemMappers.READ_NOT_RECORDED);
        Map<String, Object> state = new HashMap<>(Map.of("status", 200));
        ContainerResponseContext response = response(state);
        response.getHeaders().putSingle("Content-Encoding", "gzip");

        new UnconfirmedCommitFilter(durability).unconfirmed(response);

        assertThat(state.get("status")).isEqualTo(503);
        assertThat(((Problem) state.get("entity")).detail())
                .contains("could not be recorded in the audit log")
                .contains("not answered");
        assertThat(response.getHeaders()).doesNotContainKey("Content-Encoding");
    }

    @Test
    void aConfirmedCommitIsAnsweredAsItWas() {
        Map<String, Object> state = new HashMap<>(Map.of("status", 201));
        new UnconfirmedCommitFilter(new CommitDurability()).unconfirmed(response(state));
        assertThat(state.get("status")).isEqualTo(201);
    }

    /** A response context over a map (status, entity, mediaType) and real headers. */
    private static ContainerResponseContext response(Map<String, Object> state) {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        return (ContainerResponseContext) Proxy.newProxyInstance(
                UnconfirmedCommitFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerResponseContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStatus" -> state.get("status");
                    case "setStatus" -> state.put("status", args[0]);
                    case "getHeaders" -> headers;
                    case "setEntity" -> {
                        state.put("entity", args[0]);
                        if (args.length == 3) {
                            state.put("mediaType", (MediaType) args[2]);
                        }
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
