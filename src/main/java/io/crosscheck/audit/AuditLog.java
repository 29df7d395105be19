package io.crosscheck.audit;

import io.crosscheck.audit.config.AuditConfig;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.knowledge.config.ClusterConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The append-only audit log. Every {@link AuditEvent} becomes an unsealed row written in the
 * transaction of what it records (a screening and its audit entry commit together or not at all), so
 * writers take no shared lock; one sealer thread numbers and HMAC-chains pending rows every
 * {@code crosscheck.audit.seal-interval-ms} and moves the checkpoint (database row + file).
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final Caller caller;
    private final DataSource dataSource;
    private final AuditChain chain;
    private final Optional<Path> checkpointFile;
    private final long sealIntervalMs;
    private ScheduledExecutorService sealer;

    AuditLog(Caller caller, DataSource dataSource, AuditConfig config, ClusterConfig cluster) {
        Optional<String> key = config.key();
        if (cluster.enabled() && key.filter(k -> !k.isBlank()).isEmpty()) {
            // a key generated into one node's data/ would make every other node's entries break the chain
            throw new IllegalStateException(
                    "crosscheck.cluster.enabled needs the audit key shared by every node: set CROSSCHECK_AUDIT_KEY");
        }
        this.caller = caller;
        this.dataSource = dataSource;
        this.chain = new AuditChain(key.filter(k -> !k.isBlank())
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> keyFromFile(config.keyFile())));
        this.checkpointFile = config.checkpointFile();
        this.sealIntervalMs = config.sealIntervalMs();
    }

    /** Without a configured key, one is generated once into a file outside the database (owner-only). */
    static byte[] keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                Files.writeString(file, HexFormat.of().formatHex(k) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(
                            file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                LOG.infof(
                        "Audit HMAC key generated in %s (set crosscheck.audit.key to manage it yourself)",
                        file.toAbsolutePath());
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key file " + file, e);
        }
    }

    public AuditChain chain() {
        return chain;
    }

    /** Records an event in the caller's transaction (or its own). */
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
        e.persist();
    }

    void start(@Observes StartupEvent event) {
        sealNow();
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
                sealIntervalMs,
                sealIntervalMs,
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (sealer != null) {
            sealer.shutdown();
        }
        try {
            sealNow();
        } catch (RuntimeException e) {
            LOG.warnf("Audit sealing at shutdown failed: %s", e.getMessage());
        }
    }

    /** Seals every pending entry now; returns the head. */
    public synchronized AuditChain.Head sealNow() {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            AuditChain.Head head;
            try {
                head = chain.seal(c, 5000);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            checkpointFile.ifPresent(f -> AuditCheckpointFile.write(f, head));
            return head;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal the audit log: " + e.getMessage(), e);
        }
    }

    /** Seals what is pending, then checks the whole chain against both checkpoints. */
    public AuditChain.Verdict check() {
        sealNow();
        try (Connection c = dataSource.getConnection()) {
            return chain.verify(c, checkpointFile.map(AuditCheckpointFile::read).orElse(null));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
