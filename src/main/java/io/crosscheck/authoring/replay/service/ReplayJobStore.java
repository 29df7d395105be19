package io.crosscheck.authoring.replay.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.replay.config.ReplayConfig;
import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.screening.store.ScreeningFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The {@code replay_job} table: a job's start and end, its progress and heartbeat, failing the jobs of a stopped
 * node ({@code stale-after}) and deleting finished jobs beyond {@code retained-jobs}. Plain JDBC, one connection per call.
 */
@ApplicationScoped
class ReplayJobStore {
    private static final Logger LOG = Logger.getLogger(ReplayJobs.class);
    private static final String COLUMNS = "id, clinic_id, state, processed, total, started_at, finished_at, candidate, "
            + "candidate_version, filter_json, report_json, error, node, heartbeat_at";

    private final ReplayConfig config;
    private final DataSource dataSource;
    private final ObjectMapper json;

    ReplayJobStore(ReplayConfig config, DataSource dataSource, ObjectMapper json) {
        this.config = config;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Stores a new running job of {@code node}. */
    void insert(RunningReplay job, String node) {
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into replay_job (" + COLUMNS
                    + ") values (?, ?, ?, 0, null, ?, null, ?, ?, ?, null, null, ?, ?)")) {
                ps.setString(1, job.id);
                ps.setString(2, job.clinic);
                ps.setString(3, ReplayJob.RUNNING);
                ps.setObject(4, utc(job.startedAt));
                ps.setString(5, truncate(job.candidate, 512));
                ps.setString(6, job.candidateVersion);
                ps.setString(7, write(job.filter));
                ps.setString(8, node);
                ps.setObject(9, utc(Instant.now()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Stores a finished job's end: state, progress, the report or the error. */
    void storeEnd(RunningReplay job, Instant at) {
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("update replay_job set state = ?, processed = ?, total = ?, "
                    + "finished_at = ?, report_json = ?, error = ?, heartbeat_at = ? where id = ?")) {
                ps.setString(1, job.state);
                ps.setLong(2, job.processed.get());
                setLong(ps, 3, job.total);
                ps.setObject(4, utc(at));
                ps.setString(5, job.report == null ? null : write(job.report));
                ps.setString(6, job.error == null ? null : truncate(job.error, 1000));
                ps.setObject(7, utc(Instant.now()));
                ps.setString(8, job.id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A stored job of {@code clinic}. */
    Optional<ReplayJob> find(String id, String clinic) {
        return sql(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select " + COLUMNS + " from replay_job where id = ? and clinic_id = ?")) {
                ps.setString(1, id);
                ps.setString(2, clinic);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(view(rs)) : Optional.<ReplayJob>empty();
                }
            }
        });
    }

    /** The stored jobs of {@code clinic} whose filter names this client reference, oldest first. */
    java.util.List<ReplayJob> ofClient(String clinic, String clientRef) {
        return sql(c -> {
            java.util.List<ReplayJob> jobs = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select " + COLUMNS + " from replay_job where clinic_id = ? order by started_at, id")) {
                ps.setString(1, clinic);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ScreeningFilter filter = read(rs.getString("filter_json"), ScreeningFilter.class);
                        if (clientRef.equals(filter.clientRef())) {
                            jobs.add(view(rs));
                        }
                    }
                }
            }
            return jobs;
        });
    }

    /**
     * Erases a client from the jobs of {@code clinic}: the jobs whose filter names them are deleted, and the ids of
     * their screenings are replaced by {@code erased} in the examples of every other job's report.
     */
    void eraseClient(String clinic, String clientRef, Collection<java.util.UUID> screeningIds) {
        java.util.List<ReplayJob> theirs = ofClient(clinic, clientRef);
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from replay_job where id = ? and clinic_id = ?")) {
                for (ReplayJob job : theirs) {
                    ps.setString(1, job.id());
                    ps.setString(2, clinic);
                    ps.executeUpdate();
                }
            }
            if (screeningIds.isEmpty()) {
                return null;
            }
            java.util.Map<String, String> reports = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, report_json from replay_job where clinic_id = ? and report_json is not null")) {
                ps.setString(1, clinic);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reports.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update replay_job set report_json = ? where id = ?")) {
                for (var e : reports.entrySet()) {
                    String report = e.getValue();
                    for (java.util.UUID id : screeningIds) {
                        report = report.replace(id.toString(), "erased");
                    }
                    if (!report.equals(e.getValue())) {
                        ps.setString(1, report);
                        ps.setString(2, e.getKey());
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** In one connection: progress and heartbeat of this node's running jobs, failing stale jobs, pruning finished ones. */
    void heartbeat(Collection<RunningReplay> running) {
        sql(c -> {
            OffsetDateTime now = utc(Instant.now());
            try (PreparedStatement ps =
                    c.prepareStatement("update replay_job set processed = ?, total = ?, heartbeat_at = ? "
                            + "where id = ? and state = ?")) {
                for (RunningReplay job : running) {
                    ps.setLong(1, job.processed.get());
                    setLong(ps, 2, job.total);
                    ps.setObject(3, now);
                    ps.setString(4, job.id);
                    ps.setString(5, ReplayJob.RUNNING);
                    ps.addBatch();
                }
                if (!running.isEmpty()) {
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
    }

    /** Marks failed every running job whose node has not written a heartbeat for {@code stale-after}. */
    int failStale(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update replay_job set state = ?, finished_at = ?, error = ? "
                + "where state = ? and heartbeat_at < ?")) {
            ps.setString(1, ReplayJob.FAILED);
            ps.setObject(2, utc(now));
            ps.setString(
                    3,
                    "the node running this replay stopped (no heartbeat for "
                            + config.staleAfter().toSeconds() + " s); start it again");
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
        return new ReplayJob(
                rs.getString("id"),
                rs.getString("state"),
                rs.getLong("processed"),
                totalOrNull,
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("candidate"),
                rs.getString("candidate_version"),
                read(rs.getString("filter_json"), ScreeningFilter.class),
                report == null ? null : read(report, ReplayReport.class),
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
            throw new IllegalStateException(
                    "replay jobs: " + e.getClass().getSimpleName() + " (SQL state " + e.getSQLState() + ")", e);
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
}
