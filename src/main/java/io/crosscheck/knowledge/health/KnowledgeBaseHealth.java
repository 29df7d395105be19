package io.crosscheck.knowledge.health;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.knowledge.config.ClusterConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Liveness and readiness include the knowledge base: UP while a version serves (a rejected reload
 * leaves the previous one serving, so it never takes the service down), with the version and the
 * last load's outcome. The database's readiness is Quarkus' datasource check.
 */
public final class KnowledgeBaseHealth {

    private KnowledgeBaseHealth() {}

    static HealthCheckResponse check(KnowledgeBaseService knowledgeBases, ClusterConfig cluster, String name) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(name);
        try {
            KnowledgeBase kb = knowledgeBases.current();
            b.up().withData("version", kb.version())
                    .withData("loadedAt", kb.loadedAt().toString())
                    .withData("rules", kb.rules().size())
                    .withData("approvalRequired", cluster.requireApproval());
            knowledgeBases.lastLoad().ifPresent(l -> b.withData("lastLoad", l));
        } catch (IllegalStateException e) {
            b.down().withData("reason", "no knowledge base loaded");
        }
        return b.build();
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        private final KnowledgeBaseService knowledgeBases;
        private final ClusterConfig cluster;

        Ready(KnowledgeBaseService knowledgeBases, ClusterConfig cluster) {
            this.knowledgeBases = knowledgeBases;
            this.cluster = cluster;
        }

        @Override
        public HealthCheckResponse call() {
            return check(knowledgeBases, cluster, "knowledge base serving");
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        private final KnowledgeBaseService knowledgeBases;
        private final ClusterConfig cluster;

        Live(KnowledgeBaseService knowledgeBases, ClusterConfig cluster) {
            this.knowledgeBases = knowledgeBases;
            this.cluster = cluster;
        }

        @Override
        public HealthCheckResponse call() {
            return check(knowledgeBases, cluster, "knowledge base loaded");
        }
    }
}
