package io.crosscheck.cdshooks.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A clinician's outcome for one card: accepted or overridden, with the reason. */
@Entity
@Table(name = "cds_feedback")
public class CardFeedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "card_uuid", nullable = false, length = 64)
    public String cardUuid;

    @Column(name = "rule_id", nullable = false, length = 32)
    public String ruleId;

    @Column(name = "clinic_id", nullable = false, length = 64)
    public String clinicId;

    @Column(name = "service_id", nullable = false, length = 64)
    public String serviceId;

    @Column(name = "ehr_client", nullable = false, length = 255)
    public String ehrClient;

    @Column(name = "outcome", nullable = false, length = 16)
    public String outcome;

    @Column(name = "reason_system", length = 255)
    public String reasonSystem;

    @Column(name = "reason_code", length = 128)
    public String reasonCode;

    @Column(name = "reason_display", length = 255)
    public String reasonDisplay;

    @Column(name = "user_comment", length = 1000)
    public String userComment;

    /** Ids of the accepted suggestions, space-separated. */
    @Column(name = "accepted", length = 1000)
    public String accepted;

    @Column(name = "outcome_at", nullable = false)
    public Instant outcomeAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
