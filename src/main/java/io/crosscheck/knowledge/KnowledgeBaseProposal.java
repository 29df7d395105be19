package io.crosscheck.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An uploaded candidate that passed validation and waits to be activated (and perhaps approved). */
@Entity
@Table(name = "kb_proposal")
public class KnowledgeBaseProposal extends PanacheEntityBase {

    @Id
    public String version;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "proposed_by", nullable = false, length = 128)
    public String proposedBy;

    @Column(nullable = false, length = 512)
    public String origin;

    @Column(name = "rule_count", nullable = false)
    public int ruleCount;

    /** JSON object: path -> file content. */
    @Column(name = "files_json", nullable = false)
    public String filesJson;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by", length = 128)
    public String approvedBy;
}
