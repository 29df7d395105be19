package io.crosscheck.performance;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the request path is warm ({@link RequestPathWarmUp}): the first clients get warm code. */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    private final RequestPathWarmUp warmUp;

    WarmUpReadiness(RequestPathWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        WarmUpState s = warmUp.state();
        return HealthCheckResponse.named("request-warm-up")
                .status(s.finished())
                .withData("phase", s.phase())
                .withData("requests", s.requests())
                .withData("created", s.created())
                .withData("millis", s.millis())
                .withData("jitMillis", s.jitMillis())
                .withData("settled", s.settled())
                .build();
    }
}
