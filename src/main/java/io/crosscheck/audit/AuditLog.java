package io.crosscheck.audit;

import io.crosscheck.audit.AuditChain.Expectations;
import io.crosscheck.audit.AuditChain.Head;
import io.crosscheck.audit.config.AuditConfig;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.persistence.AfterCommit;
import io.crosscheck.common.persistence.DurableCommits;
import io.crosscheck.common.persistence.JdbcTransaction;
import io.crosscheck.common.problem.ProblemMappers;
import io.crosscheck.knowledge.config.ClusterConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The append-only audit log. Every {@link AuditEvent} becomes an unsealed row written in the transaction of what it
 * records (a screening and its audit entry commit together or not at all), so writers take no shared lock; a read's
 * entry, which records no change, is written just after the read with the entries of concurrent reads
 * ({@link ReadAuditWriter}), durable before the read is answered. One
 * sealer thread numbers and HMAC-chains pending rows every {@code crosscheck.audit.seal-interval-ms} and moves the
 * checkpoint (database row + file). Committed entries are watched in memory until sealed ({@link AuditPendingWatch}):
 * one deleted meanwhile is recorded in the chain as {@value #ENTRY_MISSING}. The head is published every
 * {@code crosscheck.audit.publish-interval} (a log line and a metric, {@link AuditHeadPublisher}).
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    /** The action of the entry recording an entry deleted before it was sealed (its subject: that entry's id). */
    public static final String ENTRY_MISSING = "audit.entry-missing";

    private final Caller caller;
    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final AuditChain chain;
    private final AuditConfig config;
    private final AuditPendingWatch watch = new AuditPendingWatch();
    private final AuditHeadPublisher publisher;
    private final DurableCommits durable;
    private final ReadAuditWriter reads;
    private ScheduledExecutorService sealer;

    AuditLog(
            Caller caller,
            DataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            AuditConfig config,
            ClusterConfig cluster,
            DurableCommits durable,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        this.caller = caller;
        this.durable = durable;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.config = config;
        this.chain = new AuditChain(AuditKey.resolve(config.key(), config.keyFile(), cluster.enabled(), jdbcUrl));
        this.publisher = new AuditHeadPublisher(watch, config.maxPendingAge());
        this.reads = new ReadAuditWriter(dataSource, durable, watch);
    }

    public AuditChain chain() {
        return chain;
    }

    /**
     * Records an event in the caller's transaction (or its own); watched once that transaction commits. Every write
     * the service acknowledges is audited, so this is where its transaction is made durable: once it commits, the
     * committing thread waits until the commit is on stable storage ({@link DurableCommits}, once per transaction).
     * A read's entry ({@link AuditEvent#SCREENING_READ}) is written once the read's transaction has committed, with
     * the entries of concurrent reads ({@link ReadAuditWriter}), and is durable before the read is answered.
     */
    @Transactional
    void record(@Observes AuditEvent event) {
        AuditEntry e = new AuditEntry();
        e.id = UUID.randomUUID();
        e.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        e.actor = cut(caller.name(), 128);
        e.clinicId = caller.clinicId();
        e.action = cut(event.action(), 64);
        String subject = event.subject();
        if (subject != null && subject.startsWith("client:")) {
            // a client reference is never stored in clear: a keyed digest identifies it for the record
            subject = "client-digest:" + chain.digest(subject.substring("client:".length()));
        }
        e.subject = cut(subject, 200);
        e.kbVersion = cut(event.kbVersion(), 64);
        e.address = cut(caller.address(), 64);
        e.detail = cut(event.detail(), 500);
        if (AuditEvent.SCREENING_READ.equals(event.action())) {
            durable.afterCommit(() -> reads.write(e), ProblemMappers.READ_NOT_RECORDED);
            return;
        }
        e.persist();
        durable.awaitOnCommit();
        UUID id = e.id;
        Instant at = e.recordedAt;
        AfterCommit.run(transactions, () -> watch.committed(id, at));
    }

    /** The read entries' group writes so far: {transactions, entries} (diagnostics and tests). */
    long[] readWrites() {
        return reads.writesAndEntries();
    }

    void start(@Observes StartupEvent event) {
        publisher.publish(sealNow(), true);
        publisher.registerMetrics();
        reads.registerMetrics();
        sealer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-sealer");
            t.setDaemon(true);
            return t;
        });
        sealer.scheduleWithFixedDelay(
                () -> {
                    try {
                        sealNow();
                    } catch (RuntimeException e) {
                        LOG.warnf("Audit sealing deferred: %s", e.getMessage());
                    }
                },
                config.sealIntervalMs(),
                config.sealIntervalMs(),
                TimeUnit.MILLISECONDS);
        long publishMs = config.publishInterval().toMillis();
        sealer.scheduleWithFixedDelay(
                () -> publisher.publish(publisher.head(), false), publishMs, publishMs, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (sealer != null) {
            sealer.shutdown();
        }
        try {
            publisher.publish(sealNow(), false);
        } catch (RuntimeException e) {
            LOG.warnf("Audit sealing at shutdown failed: %s", e.getMessage());
        }
    }

    /**
     * Seals every pending entry now, then looks up the entries this node committed: one no longer in the database
     * was deleted before it was sealed, and is recorded (and sealed) as {@value #ENTRY_MISSING}. Returns the head.
     */
    public synchronized Head sealNow() {
        try (Connection c = dataSource.getConnection()) {
            Head head = JdbcTransaction.run(c, () -> {
                Head sealedNow = chain.seal(c, 5000);
                c.commit();
                List<AuditPendingWatch.Missing> missing = watch.reconcile(c);
                if (!missing.isEmpty()) {
                    recordMissing(c, missing);
                    sealedNow = chain.seal(c, 5000);
                }
                return sealedNow;
            });
            config.checkpointFile().ifPresent(f -> AuditCheckpointFile.write(f, head));
            publisher.sealed(head);
            return head;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal the audit log: " + e.getMessage(), e);
        }
    }

    private void recordMissing(Connection c, List<AuditPendingWatch.Missing> missing) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into audit_entry (id, recorded_at, actor, action,"
                + " subject, detail) values (?, ?, ?, ?, ?, ?)")) {
            for (AuditPendingWatch.Missing m : missing) {
                LOG.warnf(
                        "Audit entry %s, committed at %s, was deleted from the database before it was sealed;"
                                + " recorded in the chain as %s",
                        m.id(), m.committedAt(), ENTRY_MISSING);
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
                ps.setString(3, Caller.SYSTEM);
                ps.setString(4, ENTRY_MISSING);
                ps.setString(5, m.id().toString());
                ps.setString(6, "entry committed at " + m.committedAt() + " was deleted before it was sealed");
                ps.addBatch();
            }
            ps.executeBatch();
        }
        publisher.missing(missing.size());
    }

    /**
     * Seals what is pending, then checks the whole chain against both checkpoints and, when given, a head published
     * earlier. The age of the oldest pending entry is taken before sealing: one older than
     * {@code crosscheck.audit.max-pending-age} fails the check (entries deleted while it waited would go unseen).
     */
    public AuditChain.Verdict check(Optional<Head> expectedHead) {
        Instant now = Instant.now();
        Instant oldest;
        try (Connection c = dataSource.getConnection()) {
            oldest = AuditVerifier.oldestPending(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
        sealNow();
        try (Connection c = dataSource.getConnection()) {
            AuditChain.Verdict v = chain.verifyAgainst(
                    c,
                    new Expectations(
                            config.checkpointFile()
                                    .map(AuditCheckpointFile::read)
                                    .orElse(null),
                            expectedHead.orElse(null),
                            config.maxPendingAge(),
                            Instant.now()));
            return AuditVerifier.pendingTooLong(v, oldest, now, config.maxPendingAge());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

    /** This node's committed entries not yet sealed (the readiness check's view). */
    AuditPendingWatch watch() {
        return watch;
    }

    AuditHeadPublisher publisher() {
        return publisher;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
