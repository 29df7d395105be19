package io.crosscheck.common.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as {@code application/problem+json}. Client mistakes keep their 4xx status;
 * anything unexpected is a 500 whose detail reveals nothing of the request.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The detail of a 503 whose commit may or may not have happened. */
    public static final String WENT_AWAY_DURING_COMMIT =
            "The database is unavailable: it went away while the request was being committed, so it may or may not "
                    + "have been stored. Retry shortly with the same Idempotency-Key: you get the stored result, or it is stored once.";

    /** The detail of a 503 whose commit happened but could not be confirmed on the disk (durable commits). */
    public static final String NOT_ON_DISK =
            "The database is unavailable: it could not confirm that the request reached the disk, so it may or may not "
                    + "have been stored. Retry shortly with the same Idempotency-Key: you get the stored result, or it is stored once.";

    /** A read whose audit entry could not be written and forced to disk: not answered (every read is audited). */
    public static final String READ_NOT_RECORDED = "The database is unavailable: this read could not be recorded in the"
            + " audit log, so it is not answered. Nothing was changed. Retry shortly.";

    /** The 503 problem of an unavailable database, with {@code Retry-After}. */
    public static Response databaseUnavailable(String detail) {
        return Response.fromResponse(Problem.of("database-unavailable", "Service Unavailable", 503, detail)
                        .toResponse())
                .header("Retry-After", "5")
                .build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return e.toProblem().toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "This resource produces application/json";
            case 415 -> "Send the request body as application/json";
            default -> status.getReasonPhrase();
        };
        return Problem.of("http-" + status.getStatusCode(), status.getReasonPhrase(), status.getStatusCode(), detail)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (databaseUnavailable(e)) {
            // the database went away: say so, nothing was stored (the transaction rolled back); readiness is DOWN
            boolean inDoubt = failedAtCommit(e);
            LOG.warnf(
                    "Database unavailable%s: %s",
                    inDoubt ? " during commit" : "", e.getClass().getSimpleName());
            return databaseUnavailable(
                    inDoubt
                            ? WENT_AWAY_DURING_COMMIT
                            : "The database is unavailable; nothing was stored. Retry shortly.");
        }
        // the class only: a message may quote stored or sent values (SQL errors do), which must not reach the log
        LOG.errorf("Unexpected error while handling a request: %s", where(e));
        return Problem.of("internal", "Internal Server Error", 500, "The server could not complete the request")
                .toResponse();
    }

    /**
     * The exception's class chain (with the SQLState of a database error) and where the innermost one was thrown
     * (class, method, line): enough to find the fault, with no message (messages may quote sent or stored values).
     */
    static String where(Throwable e) {
        StringBuilder s = new StringBuilder();
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            s.append(s.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                // the database's class of error (its message quotes values and is never logged)
                s.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
            root = t;
        }
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(4, frames.length); i++) {
            s.append(i == 0 ? " at " : ", ")
                    .append(frames[i].getClassName())
                    .append('.')
                    .append(frames[i].getMethodName())
                    .append(':')
                    .append(frames[i].getLineNumber());
        }
        return s.toString();
    }

    /**
     * The commit itself failed: the database may have committed before the connection broke, so the
     * outcome is unknown to the service (an idempotent retry settles it).
     */
    static boolean failedAtCommit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.transaction.RollbackException
                    || t instanceof jakarta.transaction.HeuristicMixedException
                    || t instanceof jakarta.transaction.HeuristicRollbackException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A connection failure anywhere in the cause chain (SQL state class 08, PostgreSQL shutdown, pool
     * timeout), or a commit the database could not complete: the transaction manager then rolls back and
     * throws a RollbackException that does not carry the driver's exception (seen when PostgreSQL stops
     * between a screening's insert and its commit). Either way nothing was stored. A rollback caused by
     * a constraint violation (SQL state class 23) is not an outage.
     */
    static boolean databaseUnavailable(Throwable e) {
        boolean rolledBackAtCommit = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.transaction.RollbackException) {
                rolledBackAtCommit = true;
            }
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return false;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s != t && databaseUnavailable(s)) {
                    return true;
                }
            }
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null
                        && (state.startsWith("08")
                                || state.equals("57P01")
                                || state.equals("57P02")
                                || state.equals("57P03"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return rolledBackAtCommit;
    }
}
