package io.crosscheck.common.persistence;

import io.crosscheck.common.problem.ProblemMappers;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Commits that reach the disk before they are acknowledged. H2 writes each commit to its file ({@code WRITE_DELAY=0})
 * but never forces it: a killed process keeps it, a power cut or kernel crash may not. Here, once a write transaction
 * has committed, the committing thread waits, in the transaction's {@code afterCompletion}, until a
 * {@code CHECKPOINT SYNC} (H2's file force) that started after the commit has finished ({@link GroupForce}: concurrent
 * commits share one force, run by one of them on a connection kept for it). A force that fails marks the request
 * {@link CommitDurability#unconfirmed() unconfirmed}: it is answered 503, outcome unknown.
 *
 * <p>Nothing to do on in-memory H2, or on PostgreSQL, whose commit flushes its write-ahead log unless
 * {@code synchronous_commit} or {@code fsync} is off (logged once at start). Off with
 * {@code crosscheck.storage.durable-commits=false}.
 */
@ApplicationScoped
public class DurableCommits {
    private static final Logger LOG = Logger.getLogger(DurableCommits.class);
    /** The transaction resource marking a transaction already registered (one wait per transaction). */
    private static final Object REGISTERED = DurableCommits.class.getName() + ".registered";

    /** H2's error code for a statement only an administrator may run. */
    private static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;

    private enum Mode {
        FORCE,
        NOTHING
    }

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean enabled;
    private final GroupForce group = new GroupForce(this::checkpointSync);
    private volatile Mode mode;
    /** The connection forces run on; used by the force's leader only (one at a time). */
    private Connection connection;

    DurableCommits(DataSource dataSource, TransactionSynchronizationRegistry transactions, DurabilityConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.enabled = config.durableCommits();
    }

    /** Early at start, before anything else writes: finds what the database needs, and says so. */
    void start(@Observes @Priority(10) StartupEvent event) {
        try {
            mode();
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_ADMIN_RIGHTS_REQUIRED) {
                throw new IllegalStateException("Durable commits: the database user is not an H2 administrator, which"
                        + " CHECKPOINT SYNC (the force to disk) requires: grant it ADMIN, or set"
                        + " crosscheck.storage.durable-commits=false to acknowledge commits unforced");
            }
            LOG.warnf(
                    "Durable commits: the database could not be inspected at start (%s); retried at the first commit",
                    describe(e));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (this) {
            closeConnection();
        }
    }

    /**
     * Within a write transaction: once it commits, the committing thread waits until the commit is on stable storage.
     * Once per transaction however often it is called; nothing when the database needs nothing.
     */
    public void awaitOnCommit() {
        if (!enabled || mode == Mode.NOTHING) {
            return;
        }
        if (transactions.getResource(REGISTERED) != null) {
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
        AfterCommit.run(transactions, this::awaitForced);
    }

    /** Forces run so far (for tests and diagnostics). */
    public long forces() {
        return group.forces();
    }

    /** Whether commits are forced here (an H2 file database with the setting on). */
    public boolean forcing() {
        return mode == Mode.FORCE;
    }

    /**
     * Once the caller's transaction commits, runs {@code write} in the committing thread: a write of its own (on its
     * own connection) that must be durable before the response, such as a read's audit entry. When it fails, the
     * request is answered 503 with {@code detail}, as a commit that could not be confirmed.
     */
    public void afterCommit(DurableWrite write, String detail) {
        AfterCommit.run(transactions, () -> {
            try {
                write.run();
            } catch (Exception e) {
                unconfirmed(e, detail);
            }
        });
    }

    /** A write made durable by {@link #afterCommit}. */
    @FunctionalInterface
    public interface DurableWrite {
        void run() throws Exception;
    }

    /**
     * For a commit made outside the service's transactions (on a connection of its own): returns once it is on stable
     * storage (sharing the force with concurrent commits), at once when the database needs nothing.
     *
     * @throws IllegalStateException when that cannot be confirmed
     */
    public void forceCommitted() {
        try {
            if (!enabled || mode() == Mode.NOTHING) {
                return;
            }
            group.await();
        } catch (SQLException | GroupForce.NotForcedException e) {
            throw new IllegalStateException("the commit could not be confirmed on stable storage", e);
        }
    }

    void awaitForced() {
        try {
            forceCommitted();
        } catch (IllegalStateException e) {
            unconfirmed(e.getCause(), ProblemMappers.NOT_ON_DISK);
        }
    }

    private void unconfirmed(Throwable e, String detail) {
        // the class and state only: nothing a database message might quote reaches the log
        LOG.warnf(
                "A commit could not be confirmed on stable storage; its request is answered 503: %s",
                describe(e.getCause() != null ? e.getCause() : e));
        if (Arc.container().requestContext().isActive()) {
            Arc.container().instance(CommitDurability.class).get().unconfirmed(detail);
        }
    }

    private Mode mode() throws SQLException {
        Mode m = mode;
        if (m != null) {
            return m;
        }
        synchronized (this) {
            if (mode == null) {
                mode = detect();
            }
            return mode;
        }
    }

    /** Called once (holding the monitor): keeps the connection forces run on when there is something to do. */
    private Mode detect() throws SQLException {
        if (!enabled) {
            LOG.info("Durable commits are off (crosscheck.storage.durable-commits=false): an H2 commit reaches the"
                    + " operating system, not necessarily the disk, before it is acknowledged");
            return Mode.NOTHING;
        }
        Connection c = dataSource.getConnection();
        boolean keep = false;
        try {
            String product = c.getMetaData().getDatabaseProductName();
            if ("H2".equalsIgnoreCase(product)) {
                if (single(c, "select database_path()") == null) {
                    return Mode.NOTHING; // in memory: nothing to force
                }
                c.setAutoCommit(true);
                checkpoint(c); // refused unless the database user is an H2 administrator: better known at start
                connection = c;
                keep = true;
                LOG.info("Durable commits: each H2 commit is forced to disk (CHECKPOINT SYNC) before it is"
                        + " acknowledged; concurrent commits share one force");
                return Mode.FORCE;
            }
            if ("PostgreSQL".equalsIgnoreCase(product)) {
                String synchronous = single(c, "show synchronous_commit");
                String fsync = single(c, "show fsync");
                if ("off".equalsIgnoreCase(synchronous) || "off".equalsIgnoreCase(fsync)) {
                    LOG.warnf(
                            "Durable commits: PostgreSQL runs with synchronous_commit=%s and fsync=%s: an"
                                    + " acknowledged screening may be lost in a crash; set both on",
                            synchronous, fsync);
                }
                return Mode.NOTHING;
            }
            LOG.infof("Durable commits: nothing added for %s, whose commit is relied on as durable", product);
            return Mode.NOTHING;
        } finally {
            if (!keep) {
                c.close();
            }
        }
    }

    /**
     * The leader's force: on the kept connection, or on a new one when that connection broke before the force (the
     * database went away and came back). A broken connection is aborted, so that the pool never hands it out again.
     */
    private void checkpointSync() throws SQLException {
        synchronized (this) {
            for (int attempt = 1; ; attempt++) {
                if (connection == null) {
                    connection = dataSource.getConnection();
                    connection.setAutoCommit(true);
                }
                try {
                    checkpoint(connection);
                    return;
                } catch (SQLException e) {
                    if (attempt == 3 || !lost(e, connection)) {
                        throw e;
                    }
                    discardConnection();
                }
            }
        }
    }

    private static void checkpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean lost(SQLException e, Connection c) {
        if (e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTransientConnectionException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"))) {
            return true;
        }
        try {
            return c.isClosed() || !c.isValid(1);
        } catch (SQLException notValid) {
            return true;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken already: the pool discards it
            }
            connection = null;
        }
    }

    private void discardConnection() {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // closed below all the same
        }
        closeConnection();
    }

    private static String describe(Throwable e) {
        String state = e instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQLState " + sql.getSQLState() + ")"
                : "";
        return e.getClass().getSimpleName() + state;
    }
}
