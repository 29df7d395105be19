package io.crosscheck.web.session;

import io.crosscheck.common.persistence.DurableCommits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sign-out for sessions that live in a cookie. The web UI's session is Quarkus' encrypted form-login cookie, which
 * the server keeps no record of; signing out therefore records, in the database (so every node sees it), the instant
 * before which the user's session cookies are no longer accepted ({@link RevokedSessionGuard} checks it on every
 * request). Signing out ends every session of that user, on every browser. Not audited, so made durable here: the
 * sign-out is on the disk before it is acknowledged ({@link DurableCommits}).
 */
@ApplicationScoped
public class SessionRevocations {

    private final DurableCommits durable;

    SessionRevocations(DurableCommits durable) {
        this.durable = durable;
    }

    /** Refuses, from now on, every session cookie of {@code username} issued up to {@code atMillis}. */
    public void revoke(String username, long atMillis) {
        try {
            QuarkusTransaction.requiringNew().run(() -> upsert(username, atMillis));
        } catch (RuntimeException e) {
            // two sign-outs of the same user at once both inserted: the other one's row is there now
            QuarkusTransaction.requiringNew().run(() -> upsert(username, atMillis));
        }
    }

    private void upsert(String username, long atMillis) {
        durable.awaitOnCommit();
        SessionRevocation r = SessionRevocation.findById(username);
        if (r == null) {
            r = new SessionRevocation();
            r.username = username;
            r.revokedBefore = atMillis;
            r.persist();
            SessionRevocation.flush();
        } else if (r.revokedBefore < atMillis) {
            r.revokedBefore = atMillis;
        }
    }

    /** Epoch milliseconds up to which the user's session cookies are refused; 0 if the user never signed out. */
    public long revokedBefore(String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SessionRevocation r = SessionRevocation.findById(username);
            return r == null ? 0L : r.revokedBefore;
        });
    }
}
