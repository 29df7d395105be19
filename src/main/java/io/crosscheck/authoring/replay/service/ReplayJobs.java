package io.crosscheck.authoring.replay.service;

import io.crosscheck.authoring.replay.config.ReplayConfig;
import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.knowledge.service.ClusterNode;
import io.crosscheck.screening.store.ScreeningFilter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Replay jobs, stored in the database ({@link ReplayJobStore}) so that any node reports on any job. The node
 * running a job keeps its progress in memory ({@link RunningReplay}) and writes it, with a heartbeat, every
 * {@code heartbeat-interval}; its end (report or error) is written at once. A running job whose heartbeat
 * is older than {@code stale-after} (its node was killed or lost the database) is marked failed by
 * whichever node notices first, so no job is lost silently. Finished jobs beyond {@code retained-jobs}
 * are deleted, oldest first.
 */
@ApplicationScoped
public class ReplayJobs {
    private static final Logger LOG = Logger.getLogger(ReplayJobs.class);

    private final ReplayConfig config;
    private final ReplayJobStore store;
    private final String node;
    private final Map<String, RunningReplay> local = new ConcurrentHashMap<>();
    private ScheduledExecutorService heartbeat;

    ReplayJobs(ReplayConfig config, ReplayJobStore store, ClusterNode node) {
        this.config = config;
        this.store = store;
        this.node = node.name();
    }

    void onStart(@Observes StartupEvent event) {
        long every = Math.max(50, config.heartbeatInterval().toMillis());
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crosscheck-replay-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
    }

    /** Registers and stores a new running replay of this node. */
    RunningReplay start(Instant at, String candidate, String candidateVersion, ScreeningFilter filter, String clinic) {
        RunningReplay job = new RunningReplay(at, candidate, candidateVersion, filter, clinic);
        store.insert(job, node);
        local.put(job.id, job);
        return job;
    }

    /** Stores a job's end: the report when it is done, the error when it failed. */
    void finish(RunningReplay job, ReplayReport report, String error, Instant at) {
        job.finish(report, error, at);
        try {
            store.storeEnd(job, at);
        } finally {
            local.remove(job.id);
        }
    }

    /** A replay started by a caller of {@code clinic}, on any node: its report shows that clinic's screenings only. */
    public Optional<ReplayJob> find(String id, String clinic) {
        Optional<ReplayJob> stored = store.find(id, clinic);
        // this node's own running job: its progress in memory is newer than the last heartbeat
        RunningReplay mine = local.get(id);
        return stored.map(j ->
                mine != null && ReplayJob.RUNNING.equals(j.state()) && mine.clinic.equals(clinic) ? mine.view() : j);
    }

    /** Heartbeat and progress of this node's running jobs; failing stale jobs of other nodes; pruning. */
    void tick() {
        try {
            store.heartbeat(local.values());
        } catch (RuntimeException e) {
            LOG.warnf("Replay job heartbeat deferred: %s", e.getClass().getSimpleName());
        }
    }
}
