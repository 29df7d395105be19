package io.crosscheck.performance;

import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.security.WarmUpCredentials;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Leaves no trace of the start-up warm-up: every write the application makes records an audit event in its
 * transaction, and when the caller is the warm-up ({@link WarmUpCredentials}) this observer, after the audit entry
 * is persisted, sends the pending statements to the database (so the insert path is exercised as a real screening
 * exercises it) and marks the transaction rollback-only: the screening, its audit entries and anything else written
 * in it are rolled back, never committed, never sealed into the audit chain.
 */
@ApplicationScoped
public class WarmUpRollback {

    private final Caller caller;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    WarmUpRollback(Caller caller, EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.caller = caller;
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /** Runs after the audit log's own observer (a higher priority value runs later). */
    void onAudit(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) AuditEvent event) {
        if (!caller.warmUp() || transactions.getTransactionKey() == null) {
            return;
        }
        entityManager.flush();
        transactions.setRollbackOnly();
    }
}
