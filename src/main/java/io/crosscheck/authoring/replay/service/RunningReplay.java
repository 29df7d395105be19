package io.crosscheck.authoring.replay.service;

import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.screening.store.ScreeningFilter;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A replay's mutable state on the node running it; read by GET while the worker updates it. */
final class RunningReplay {
    final String id;
    final Instant startedAt;
    final String candidate;
    final String candidateVersion;
    final ScreeningFilter filter;
    final String clinic;
    final AtomicLong processed = new AtomicLong();
    volatile Long total;
    volatile String state = ReplayJob.RUNNING;
    volatile ReplayReport report;
    volatile String error;
    volatile Instant finishedAt;

    RunningReplay(Instant startedAt, String candidate, String candidateVersion, ScreeningFilter filter, String clinic) {
        this.id = UUID.randomUUID().toString();
        this.startedAt = startedAt;
        this.candidate = candidate;
        this.candidateVersion = candidateVersion;
        this.filter = filter;
        this.clinic = clinic;
    }

    /** Done with the report, or failed with the error. */
    void finish(ReplayReport report, String error, Instant at) {
        this.report = report;
        this.error = error;
        this.finishedAt = at;
        this.state = report != null ? ReplayJob.DONE : ReplayJob.FAILED;
    }

    ReplayJob view() {
        return new ReplayJob(
                id,
                state,
                processed.get(),
                total,
                startedAt,
                finishedAt,
                candidate,
                candidateVersion,
                filter,
                report,
                error);
    }
}
