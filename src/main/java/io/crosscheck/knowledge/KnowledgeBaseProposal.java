package io.crosscheck.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uploaded candidate that passed validation and waits to be activated (and perhaps approved): who proposed it
 * and why ({@code summary}), the version that served when it was proposed ({@code baseVersion}, what its changes
 * are measured against), its approval or its rejection. The discussion is in {@link KnowledgeBaseProposalComment}.
 */
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

    /** The proposer's own account of the change; null for an archive proposed without one. */
    @Column(length = 300)
    public String summary;

    /** The version serving when it was (last) proposed; null for proposals stored before issue 24. */
    @Column(name = "base_version", length = 64)
    public String baseVersion;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    @Column(name = "rejected_by", length = 128)
    public String rejectedBy;

    @Column(name = "rejection_reason", length = 4000)
    public String rejectionReason;
}
