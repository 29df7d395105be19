package io.crosscheck.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The knowledge-base version active for the whole deployment (one row, id 1). Every activation, on any
 * node, moves it and adds one to {@code generation}; every node follows it.
 */
@Entity
@Table(name = "kb_active")
public class KnowledgeBaseActive extends PanacheEntityBase {

    public static final int ROW = 1;

    @Id
    public int id;

    /** Null until the first version is activated. */
    public String version;

    @Column(nullable = false)
    public long generation;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "activated_by", length = 128)
    public String activatedBy;
}
