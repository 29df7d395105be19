package io.crosscheck.knowledge.service;

import io.crosscheck.knowledge.KnowledgeBaseLoad;
import io.crosscheck.knowledge.KnowledgeBaseVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Which version came before a version that went live: the one active when it first went live, recorded with it
 * ({@code kb_version.parent}); for a version stored before that was recorded, the version accepted last before its
 * own first accepted load (the load history).
 */
@ApplicationScoped
public class VersionLineage {

    /** The version before {@code version}; empty when it never went live or nothing went live before it. */
    @Transactional
    public Optional<String> parentOf(String version) {
        KnowledgeBaseVersion v = KnowledgeBaseVersion.findById(version);
        if (v == null) {
            return Optional.empty();
        }
        if (v.parent != null) {
            return Optional.of(v.parent);
        }
        KnowledgeBaseLoad first = KnowledgeBaseLoad.<KnowledgeBaseLoad>find(
                        "version = ?1 and outcome = 'accepted' order by attemptedAt", version)
                .firstResult();
        if (first == null) {
            return Optional.empty();
        }
        return KnowledgeBaseLoad.<KnowledgeBaseLoad>find(
                        "outcome = 'accepted' and version <> ?1 and attemptedAt < ?2 order by attemptedAt desc",
                        version,
                        first.attemptedAt)
                .firstResultOptional()
                .map(l -> l.version);
    }
}
