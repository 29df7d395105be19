package io.crosscheck.authoring.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A version put live by an emergency revert (validated, without a second author's approval), awaiting or done with
 * its review by another author.
 */
@Entity
@Table(name = "kb_emergency")
public class EmergencyActivation extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The version the emergency put live. */
    @Column(nullable = false, length = 64)
    public String version;

    /** The version whose changes it undid. */
    @Column(name = "reverted_version", nullable = false, length = 64)
    public String revertedVersion;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    @Column(name = "activated_by", nullable = false, length = 128)
    public String activatedBy;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by", length = 128)
    public String reviewedBy;

    @Column(name = "review_reason", length = 2000)
    public String reviewReason;
}
