package io.crosscheck.authoring.replay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crosscheck.screening.store.ScreeningFilter;
import java.time.Instant;

/**
 * A replay running in the background, as seen by a client: progress over the stored screenings
 * ({@code processed} of {@code total}) while {@code running}, the report when {@code done}, the
 * error when {@code failed}. {@code candidate} says where the candidate came from (an uploaded archive or
 * a registry version), {@code candidateVersion} is its content hash.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayJob(
        String id,
        String state,
        long processed,
        Long total,
        Instant startedAt,
        Instant finishedAt,
        String candidate,
        String candidateVersion,
        ScreeningFilter filter,
        ReplayReport report,
        String error) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** The job with its report narrowed to the changes involving one rule ({@link ReplayReport#involving}). */
    public ReplayJob involving(String rule) {
        return report == null
                ? this
                : new ReplayJob(
                        id,
                        state,
                        processed,
                        total,
                        startedAt,
                        finishedAt,
                        candidate,
                        candidateVersion,
                        filter,
                        report.involving(rule),
                        error);
    }
}
