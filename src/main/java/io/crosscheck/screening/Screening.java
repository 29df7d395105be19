package io.crosscheck.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored screening: the validated input, the result and its explanation, the knowledge-base
 * version that produced them, when, and for which pseudonymous client reference.
 */
@Entity
@Table(name = "screening")
public class Screening extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_ref", length = 64)
    public String clientRef;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "kb_version", nullable = false, length = 64)
    public String kbVersion;

    @Column(name = "request_json", nullable = false)
    public String requestJson;

    @Column(name = "result_json", nullable = false)
    public String resultJson;

    @Column(name = "explanation_json", nullable = false)
    public String explanationJson;

    /** The clinic the client belongs to; every read filters by the caller's clinic. */
    @Column(name = "clinic_id", nullable = false, length = 64)
    public String clinicId;

    /** The caller's Idempotency-Key, unique per clinic: a retry returns this screening. */
    @Column(name = "idempotency_key", length = 128)
    public String idempotencyKey;
}
