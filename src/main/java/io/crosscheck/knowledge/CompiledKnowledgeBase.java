package io.crosscheck.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A compiled knowledge-base module (the executable model's jar) by cache key (content hash of the
 * rules and the engine's fingerprint), so any instance on the same database loads instead of compiling.
 */
@Entity
@Table(name = "kb_compiled")
public class CompiledKnowledgeBase extends PanacheEntityBase {

    @Id
    @Column(name = "cache_key", length = 200)
    public String cacheKey;

    @Column(name = "kb_version", nullable = false, length = 64)
    public String kbVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "module", nullable = false)
    public byte[] module;
}
