package io.crosscheck.authoring.replay.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.screening.store.ScreeningFilter;
import io.crosscheck.screening.store.StoredScreening;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the service and a replay's separate process ({@link ReplayProcessMain}) say to each other: one JSON
 * object per line, the service's on the process's stdin, the process's on its stdout. The process receives
 * the two knowledge bases' files, then one stored request per line without its client reference, and
 * answers once whether the candidate compiled, then its progress, then the report.
 */
public final class ReplayChannel {

    private ReplayChannel() {}

    /**
     * The first line: what to compare and how. The filter travels without its client reference; {@code modules} are
     * the service's cached compiled modules of the two knowledge bases' rules, by cache key (those it has), which
     * the process loads instead of compiling the same DRL ({@code KnowledgeBaseBuilder.handed}).
     */
    public record Start(
            Files current,
            Files candidate,
            int maxFirings,
            int examplesPerKind,
            ScreeningFilter filter,
            Instant startedAt,
            Map<String, byte[]> modules) {

        Map<String, byte[]> modulesOrEmpty() {
            return modules == null ? Map.of() : modules;
        }
    }

    /** A knowledge base as its files (path -> text) and where it came from. */
    public record Files(String origin, Map<String, String> files) {
        static Files of(KnowledgeSource source) {
            return new Files(source.origin(), source.files());
        }

        KnowledgeSource source() {
            return new KnowledgeSource(origin, files);
        }
    }

    /** Every further line: one stored screening by id and its request, the client reference removed. */
    public record Row(String id, String request) {

        /** The stored screening's line: its request without its client reference (the replay's process needs none). */
        static Row of(StoredScreening stored, ObjectMapper json) {
            try {
                JsonNode tree = json.readTree(stored.requestJson());
                if (tree instanceof ObjectNode o) {
                    o.remove("clientRef");
                    return new Row(stored.id().toString(), json.writeValueAsString(o));
                }
            } catch (IOException unreadable) {
                // not sent as stored (it could hold the client reference): the replay reports it as no longer readable
            }
            return new Row(stored.id().toString(), "unreadable");
        }
    }

    /**
     * A line from the process; exactly one field set besides {@code version}: the candidate's compile
     * problems (empty: it compiled), progress (screenings evaluated so far), the report, or why the replay
     * could not go on.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(
            String version, List<KnowledgeProblem> problems, Long processed, ReplayReport report, String error) {

        static Answer compiled(String version, List<KnowledgeProblem> problems) {
            return new Answer(version, problems, null, null, null);
        }

        static Answer progress(long processed) {
            return new Answer(null, null, processed, null, null);
        }

        static Answer done(ReplayReport report) {
            return new Answer(null, null, null, report, null);
        }

        static Answer failed(String error) {
            return new Answer(null, null, null, null, error);
        }
    }
}
