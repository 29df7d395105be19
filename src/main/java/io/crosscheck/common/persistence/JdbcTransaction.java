package io.crosscheck.common.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A transaction on a plain JDBC connection of the pool, outside the service's JTA transactions (the audit's sealer and
 * the read audit's group writes): committed when the work returns, rolled back when it throws, the connection's
 * auto-commit mode given back either way.
 */
public final class JdbcTransaction {
    private JdbcTransaction() {}

    /** The work of a transaction; it may commit on its own part-way (what follows is committed at the end). */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    public static <T> T run(Connection c, Work<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
