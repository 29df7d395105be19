package io.crosscheck.authoring.replay.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.replay.config.ReplayConfig;
import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.knowledge.service.ClusterNode;
import io.crosscheck.screening.store.ScreeningFilter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replay jobs, stored in the database ({@code replay_job}) so that any node reports on any job. The node
 * running a job keeps its progress in memory and writes it, with a heartbeat, every
 * {@code heartbeat-interval}; its end (report or error) is written at once. A running job whose heartbeat
 * is older than {@code stale-after} (its node was killed or lost the database) is marked failed by
 * whichever node notices first, so no job is lost silently. Finished jobs beyond {@code retained-jobs}
 * are deleted, oldest first.
 */
@ApplicationScoped
public class ReplayJobs {
    private static final Logger LOG = Logger.getLogger(ReplayJobs.class);
    private static final String COLUMNS = "id, clinic_id, state, processed, total, started_at, finished_at, candidate, "
            + "candidate_version, filter_json, report_json, error, node, heartbeat_at";

    private final ReplayConfig config;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final String node;
    private final Map<String, Job> local = new ConcurrentHashMap<>();
    private ScheduledExecutorService heartbeat;

    ReplayJobs(ReplayConfig config, DataSource dataSource, ObjectMapper json, ClusterNode node) {
        this.config = config;
        this.dataSource = dataSource;
        this.json = json;
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
    Job start(Instant at, String candidate, String candidateVersion, ScreeningFilter filter, String clinic) {
        Job job = new Job(UUID.randomUUID().toString(), at, candidate, candidateVersion, filter, clinic);
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into replay_job (" + COLUMNS
                    + ") values (?, ?, ?, 0, null, ?, null, ?, ?, ?, null, null, ?, ?)")) {
                ps.setString(1, job.id);
                ps.setString(2, clinic);
                ps.setString(3, ReplayJob.RUNNING);
                ps.setObject(4, utc(at));
                ps.setString(5, truncate(candidate, 512));
                ps.setString(6, candidateVersion);
                ps.setString(7, write(filter));
                ps.setString(8, node);
                ps.setObject(9, utc(Instant.now()));
                ps.executeUpdate();
            }
            return null;
        });
        local.put(job.id, job);
        return job;
    }

    /** Stores a job's end: the report when it is done, the error when it failed. */
    void finish(Job job, ReplayReport report, String error, Instant at) {
        job.finish(report, error, at);
        try {
            sql(c -> {
                try (PreparedStatement ps = c.prepareStatement("update replay_job set state = ?, processed = ?, total = ?, "
                        + "finished_at = ?, report_json = ?, error = ?, heartbeat_at = ? where id = ?")) {
                    ps.setString(1, job.state);
                    ps.setLong(2, job.processed.get());
                    setLong(ps, 3, job.total);
                    ps.setObject(4, utc(at));
                    ps.setString(5, report == null ? null : write(report));
                    ps.setString(6, error == null ? null : truncate(error, 1000));
                    ps.setObject(7, utc(Instant.now()));
                    ps.setString(8, job.id);
                    ps.executeUpdate();
                }
                return null;
            });
        } finally {
            local.remove(job.id);
        }
    }

    /** A replay started by a caller of {@code clinic}, on any node: its report shows that clinic's screenings only. */
    public Optional<ReplayJob> find(String id, String clinic) {
        Optional<ReplayJob> stored = sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from replay_job where id = ? and clinic_id = ?")) {
                ps.setString(1, id);
                ps.setString(2, clinic);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(view(rs)) : Optional.<ReplayJob>empty();
                }
            }
        });
        // this node's own running job: its progress in memory is newer than the last heartbeat
        Job mine = local.get(id);
        return stored.map(j -> mine != null && ReplayJob.RUNNING.equals(j.state()) && mine.clinic.equals(clinic) ? mine.view() : j);
    }

    /** Heartbeat and progress of this node's running jobs; failing stale jobs of other nodes; pruning. */
    void tick() {
        try {
            sql(c -> {
                OffsetDateTime now = utc(Instant.now());
                try (PreparedStatement ps = c.prepareStatement("update replay_job set processed = ?, total = ?, heartbeat_at = ? "
                        + "where id = ? and state = ?")) {
                    for (Job job : local.values()) {
                        ps.setLong(1, job.processed.get());
                        setLong(ps, 2, job.total);
                        ps.setObject(3, now);
                        ps.setString(4, job.id);
                        ps.setString(5, ReplayJob.RUNNING);
                        ps.addBatch();
                    }
                    if (!local.isEmpty()) {
                        ps.executeBatch();
                    }
                }
                failStale(c, Instant.now());
                try (PreparedStatement ps = c.prepareStatement("delete from replay_job where state <> ? and id not in "
                        + "(select id from replay_job order by started_at desc limit ?)")) {
                    ps.setString(1, ReplayJob.RUNNING);
                    ps.setInt(2, config.retainedJobs());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("Replay job heartbeat deferred: %s", e.getClass().getSimpleName());
        }
    }

    /** Marks failed every running job whose node has not written a heartbeat for {@code stale-after}. */
    int failStale(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update replay_job set state = ?, finished_at = ?, error = ? "
                + "where state = ? and heartbeat_at < ?")) {
            ps.setString(1, ReplayJob.FAILED);
            ps.setObject(2, utc(now));
            ps.setString(3, "the node running this replay stopped (no heartbeat for " + config.staleAfter().toSeconds()
                    + " s); start it again");
            ps.setString(4, ReplayJob.RUNNING);
            ps.setObject(5, utc(now.minus(config.staleAfter())));
            int n = ps.executeUpdate();
            if (n > 0) {
                LOG.warnf("%d replay job(s) of a stopped node marked failed", n);
            }
            return n;
        }
    }

    private ReplayJob view(ResultSet rs) throws SQLException {
        long total = rs.getLong("total");
        Long totalOrNull = rs.wasNull() ? null : total;
        String report = rs.getString("report_json");
        return new ReplayJob(rs.getString("id"), rs.getString("state"), rs.getLong("processed"), totalOrNull,
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("candidate"), rs.getString("candidate_version"),
                read(rs.getString("filter_json"), ScreeningFilter.class), report == null ? null : read(report, ReplayReport.class),
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T sql(Sql<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("replay jobs: " + e.getClass().getSimpleName() + " (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored replay job: " + e.getOriginalMessage(), e);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** A replay's mutable state on the node running it; read by GET while the worker updates it. */
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

        private void finish(ReplayReport report, String error, Instant at) {
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
