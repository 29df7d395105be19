package io.crosscheck.security;

import io.crosscheck.common.audit.AuditEvent;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Whether a database user may sign in, and the count of their wrong passwords, in the database so that every node
 * of a cluster sees the same: {@code max-failures} wrong passwords within {@code window} (from the first) lock the
 * account for {@code duration}, and while it is locked every password is refused, the right one too. The lock is
 * audited ({@code user.locked}); an administrator's {@code enable} lifts it. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class AccountGuard {
    private static final Logger LOG = Logger.getLogger(AccountGuard.class);

    /** What sign-in needs of a user's row. */
    public record Account(
            String passwordHash, String roles, String clinic, boolean disabled, Instant lockedUntil, int failures) {

        /** Disabled, or locked at {@code now}. */
        public boolean refusedAt(Instant now) {
            return disabled || (lockedUntil != null && lockedUntil.isAfter(now));
        }
    }

    private final SecurityConfig.Lockout config;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clock.systemUTC();

    AccountGuard(SecurityConfig config, Event<AuditEvent> audit) {
        this.config = config.lockout();
        this.audit = audit;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The user's row as sign-in needs it; empty for a name that is not a database user. */
    public Optional<Account> account(String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AppUser u = AppUser.byName(username);
            return Optional.ofNullable(
                    u == null
                            ? null
                            : new Account(u.password, u.roles, u.clinicId, u.disabled, u.lockedUntil, u.failedLogins));
        });
    }

    /** Counts a wrong password; locks the account (audited) when the count reaches the limit within the window. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        boolean locked = QuarkusTransaction.requiringNew().call(() -> {
            AppUser u = AppUser.<AppUser>find("username", username)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .firstResult();
            if (u == null) {
                return false;
            }
            if (u.failedSince == null || !u.failedSince.plus(config.window()).isAfter(now)) {
                u.failedSince = now;
                u.failedLogins = 0;
            }
            u.failedLogins++;
            if (u.failedLogins < config.maxFailures() || u.lockedAt(now)) {
                return false;
            }
            u.lockedUntil = now.plus(config.duration());
            u.failedLogins = 0;
            u.failedSince = null;
            withRequestContext(() -> audit.fire(new AuditEvent(
                    AuditEvent.USER_LOCKED,
                    username,
                    null,
                    config.maxFailures() + " wrong passwords within "
                            + config.window().toMinutes()
                            + " min; locked until " + u.lockedUntil
                            + (address == null ? "" : "; last from " + address))));
            return true;
        });
        if (locked) {
            LOG.warnf(
                    "A user was locked for %d min after %d wrong passwords",
                    config.duration().toMinutes(), config.maxFailures());
        }
    }

    /** A right password: the count of wrong ones starts again (written only when there is one). */
    public void succeeded(String username, Account account) {
        if (account.failures() == 0) {
            return;
        }
        QuarkusTransaction.requiringNew()
                .run(() -> AppUser.update("failedLogins = 0, failedSince = null where username = ?1", username));
    }

    /** Audit events are observed in a request context; sign-in runs outside one. */
    private static void withRequestContext(Runnable work) {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive()) {
            work.run();
            return;
        }
        context.activate();
        try {
            work.run();
        } finally {
            context.terminate();
        }
    }
}
