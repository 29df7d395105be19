package io.crosscheck.audit;

import io.crosscheck.audit.AuditChain.Head;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Publishes the audit chain's head where the database cannot rewrite it: an INFO line {@code audit head seq=<n>
 * mac=<hex>} (the head entry's sequence number and HMAC, no content) at start-up, at shutdown and, when the head moved,
 * every {@code crosscheck.audit.publish-interval}, for a log system outside the service to keep; and metrics:
 * {@code crosscheck_audit_head_seq} (the head's sequence number: an external time series that must never go down),
 * {@code crosscheck_audit_pending_entries}, {@code crosscheck_audit_pending_oldest_seconds} and
 * {@code crosscheck_audit_entries_missing_total}. A kept line is checked with {@code audit-check --expect-head
 * <seq>:<mac>}: a chain rewritten with the key, or truncated, no longer contains it. The MAC is not a metric tag (a
 * new series per entry, and a metric store keeps numbers, not the text to compare).
 */
final class AuditHeadPublisher {
    private static final Logger LOG = Logger.getLogger(AuditHeadPublisher.class);

    private final AuditPendingWatch watch;
    private final Duration maxPendingAge;
    private volatile Head head = new Head(0, "");
    private volatile Head published;
    private Counter missing;

    AuditHeadPublisher(AuditPendingWatch watch, Duration maxPendingAge) {
        this.watch = watch;
        this.maxPendingAge = maxPendingAge;
    }

    void registerMetrics() {
        Gauge.builder("crosscheck.audit.head.seq", this, p -> p.head.seq())
                .description("Sequence number of the audit chain's head (sealed entries); never goes down")
                .register(Metrics.globalRegistry);
        Gauge.builder("crosscheck.audit.pending.entries", watch, AuditPendingWatch::size)
                .description("Audit entries this node committed that are not yet sealed")
                .register(Metrics.globalRegistry);
        Gauge.builder(
                        "crosscheck.audit.pending.oldest",
                        watch,
                        w -> w.oldestAge(Instant.now()).toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("How long the oldest audit entry this node committed has waited to be sealed")
                .register(Metrics.globalRegistry);
        missing = Counter.builder("crosscheck.audit.entries.missing")
                .description("Audit entries deleted from the database before they were sealed")
                .register(Metrics.globalRegistry);
    }

    /** The head after a sealing. */
    void sealed(Head head) {
        this.head = head;
    }

    Head head() {
        return head;
    }

    void missing(int count) {
        if (missing != null) {
            missing.increment(count);
        }
    }

    /** Logs the head line when {@code always} or when the head moved since the last line. */
    synchronized void publish(Head current, boolean always) {
        if (current == null || current.hash().isEmpty() || (!always && current.equals(published))) {
            return;
        }
        LOG.infof("audit head seq=%d mac=%s", current.seq(), current.hash());
        published = current;
    }

    /** Whether this node's oldest unsealed entry has waited longer than allowed (the readiness check). */
    boolean pendingTooLong(Instant now) {
        return watch.oldestAge(now).compareTo(maxPendingAge) > 0;
    }
}
