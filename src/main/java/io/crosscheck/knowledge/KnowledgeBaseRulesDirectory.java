package io.crosscheck.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What the configured rules directory held when it was last read as a candidate (one row, id 1): start-up offers
 * it again only once its content changed.
 */
@Entity
@Table(name = "kb_rules_dir")
public class KnowledgeBaseRulesDirectory extends PanacheEntityBase {

    public static final int ROW = 1;

    @Id
    public int id;

    /** Null until the directory was first read. */
    @Column(name = "content_hash", length = 64)
    public String contentHash;

    @Column(name = "seen_at")
    public Instant seenAt;

    @Column(name = "seen_by", length = 128)
    public String seenBy;
}
