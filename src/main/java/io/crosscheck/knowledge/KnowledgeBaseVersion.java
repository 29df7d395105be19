package io.crosscheck.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A knowledge base that went live, with the full text of its rules and docs. */
@Entity
@Table(name = "kb_version")
public class KnowledgeBaseVersion extends PanacheEntityBase {

    @Id
    public String version;

    @Column(name = "first_loaded_at", nullable = false)
    public Instant firstLoadedAt;

    @Column(nullable = false, length = 512)
    public String origin;

    @Column(name = "rule_count", nullable = false)
    public int ruleCount;

    /** JSON object: path -> file content. */
    @Column(name = "files_json", nullable = false)
    public String filesJson;

    /** The version that was active when this one first went live (null: the first, or stored before V86). */
    @Column(length = 64)
    public String parent;
}
