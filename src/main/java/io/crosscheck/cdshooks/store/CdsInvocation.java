package io.crosscheck.cdshooks.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The CDS Hooks call that created a stored screening. */
@Entity
@Table(name = "cds_invocation")
public class CdsInvocation extends PanacheEntityBase {

    @Id
    @Column(name = "screening_id")
    public UUID screeningId;

    @Column(name = "service_id", nullable = false, length = 64)
    public String serviceId;

    @Column(name = "hook", nullable = false, length = 64)
    public String hook;

    @Column(name = "hook_instance", nullable = false, length = 128)
    public String hookInstance;

    @Column(name = "ehr_client", nullable = false, length = 255)
    public String ehrClient;

    @Column(name = "clinic_id", nullable = false, length = 64)
    public String clinicId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
