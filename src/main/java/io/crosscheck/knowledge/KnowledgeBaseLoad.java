package io.crosscheck.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One attempt to put a knowledge base live: when, by whom, and whether it was accepted. */
@Entity
@Table(name = "kb_load")
public class KnowledgeBaseLoad extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The candidate's content hash; null when it could not even be read. */
    @Column(length = 64)
    public String version;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "loaded_by", nullable = false, length = 128)
    public String loadedBy;

    /** accepted or rejected. */
    @Column(nullable = false, length = 16)
    public String outcome;

    /** Newline-separated file:line:column problems of a rejected load. */
    @Column
    public String problems;

    public static List<KnowledgeBaseLoad> recent(int max) {
        return find("order by attemptedAt desc").page(0, max).list();
    }
}
