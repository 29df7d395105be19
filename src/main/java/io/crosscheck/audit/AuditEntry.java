package io.crosscheck.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audit entry: who, when, what, on which id; never a clinical payload. Sealed into the chain later. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false, length = 128)
    public String actor;

    @Column(name = "clinic_id", length = 64)
    public String clinicId;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(length = 200)
    public String subject;

    @Column(name = "kb_version", length = 64)
    public String kbVersion;

    @Column(length = 64)
    public String address;

    @Column(length = 500)
    public String detail;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "prev_hash", insertable = false, updatable = false)
    public String prevHash;

    @Column(insertable = false, updatable = false)
    public String hash;
}
