package io.crosscheck.authoring.replay.service;

import io.crosscheck.authoring.replay.config.ReplayConfig;
import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.screening.store.ScreeningFilter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The replays this node knows of: running ones and the most recent finished ones ({@code retained-jobs}). */
@ApplicationScoped
public class ReplayJobs {

    private final ReplayConfig config;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    ReplayJobs(ReplayConfig config) {
        this.config = config;
    }

    /** Registers a new running replay, forgetting the oldest finished ones beyond the limit. */
    Job start(Instant at, String candidate, String candidateVersion, ScreeningFilter filter, String clinic) {
        Job job = new Job(UUID.randomUUID().toString(), at, candidate, candidateVersion, filter, clinic);
        synchronized (jobs) {
            jobs.put(job.id, job);
            Iterator<Job> oldest = jobs.values().iterator();
            while (jobs.size() > config.retainedJobs() && oldest.hasNext()) {
                if (!ReplayJob.RUNNING.equals(oldest.next().state)) {
                    oldest.remove();
                }
            }
        }
        return job;
    }

    /** A replay started by a caller of {@code clinic}: its report shows that clinic's screenings only. */
    public Optional<ReplayJob> find(String id, String clinic) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).filter(j -> j.clinic.equals(clinic)).map(Job::view);
        }
    }

    /** A replay's mutable state; read by GET while the worker updates it. */
    static final class Job {
        final String id;
        final Instant startedAt;
        final String rulesDir;
        final String docsDir;
        final ScreeningFilter filter;
        final String clinic;
        final AtomicLong processed = new AtomicLong();
        volatile Long total;
        volatile String state = ReplayJob.RUNNING;
        volatile ReplayReport report;
        volatile String error;
        volatile Instant finishedAt;

        private Job(String id, Instant startedAt, String rulesDir, String docsDir, ScreeningFilter filter, String clinic) {
            this.id = id;
            this.startedAt = startedAt;
            this.rulesDir = rulesDir;
            this.docsDir = docsDir;
            this.filter = filter;
            this.clinic = clinic;
        }

        void finish(ReplayReport report, String error, Instant at) {
            this.report = report;
            this.error = error;
            this.finishedAt = at;
            this.state = report != null ? ReplayJob.DONE : ReplayJob.FAILED;
        }

        ReplayJob view() {
            return new ReplayJob(id, state, processed.get(), total, startedAt, finishedAt, rulesDir, docsDir, filter, report, error);
        }
    }
}
