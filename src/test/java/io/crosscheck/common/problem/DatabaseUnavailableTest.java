package io.crosscheck.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are a database outage (503, retry) rather than a defect (500). */
class DatabaseUnavailableTest {

    @Test
    void aCommitRolledBackBecauseTheDatabaseWentAwayIsAnOutageEvenWithoutTheDriversException() {
        // what Narayana throws when PostgreSQL terminates the connection between insert and commit
        RuntimeException e = new ArcUndeclaredThrowableException(
                new RollbackException("ARJUNA016053: Could not commit transaction."));
        assertThat(ProblemMappers.databaseUnavailable(e)).isTrue();
        assertThat(ProblemMappers.failedAtCommit(e))
                .as("outcome unknown: the client is told to retry with its key")
                .isTrue();
        assertThat(ProblemMappers.failedAtCommit(new IllegalStateException(new SQLException("I/O error", "08006"))))
                .isFalse();
    }

    @Test
    void connectionFailuresAnywhereInTheChainOrAmongSuppressedExceptionsAreAnOutage() {
        assertThat(ProblemMappers.databaseUnavailable(
                        new IllegalStateException(new SQLException("admin shutdown", "57P01"))))
                .isTrue();
        assertThat(ProblemMappers.databaseUnavailable(
                        new IllegalStateException(new SQLTransientConnectionException("gone"))))
                .isTrue();
        RuntimeException suppressing = new IllegalStateException("commit failed");
        suppressing.addSuppressed(new SQLException("I/O error", "08006"));
        assertThat(ProblemMappers.databaseUnavailable(suppressing)).isTrue();
    }

    @Test
    void aRollbackCausedByAConstraintViolationOrAPlainBugIsNotAnOutage() {
        RollbackException rollback = new RollbackException("rolled back");
        rollback.initCause(new SQLIntegrityConstraintViolationException("duplicate key", "23505"));
        assertThat(ProblemMappers.databaseUnavailable(new ArcUndeclaredThrowableException(rollback)))
                .isFalse();
        assertThat(ProblemMappers.databaseUnavailable(new NullPointerException()))
                .isFalse();
    }
}
