package io.crosscheck.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness includes audit sealing: DOWN while an audit entry this node committed has waited longer than
 * {@code crosscheck.audit.max-pending-age} to be sealed (the sealer is stuck, so an entry deleted meanwhile could go
 * unseen); the service should not take clinical work it cannot audit. Read from memory, no database query.
 */
@Readiness
@ApplicationScoped
public class AuditSealingHealth implements HealthCheck {

    private final AuditLog log;

    AuditSealingHealth(AuditLog log) {
        this.log = log;
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = Instant.now();
        AuditPendingWatch watch = log.watch();
        return HealthCheckResponse.named("audit sealing")
                .status(!log.publisher().pendingTooLong(now))
                .withData("pending", watch.size())
                .withData("oldestPendingSeconds", watch.oldestAge(now).toSeconds())
                .withData("head", log.publisher().head().seq())
                .build();
    }
}
