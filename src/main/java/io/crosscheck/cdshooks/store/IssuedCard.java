package io.crosscheck.cdshooks.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A card returned to an EHR, and the rule behind it (feedback is attributed through it). */
@Entity
@Table(name = "cds_card")
public class IssuedCard extends PanacheEntityBase {

    @Id
    @Column(name = "card_uuid", length = 64)
    public String cardUuid;

    @Column(name = "screening_id", nullable = false)
    public UUID screeningId;

    @Column(name = "clinic_id", nullable = false, length = 64)
    public String clinicId;

    /** referral, screen-incomplete, pattern */
    @Column(name = "kind", nullable = false, length = 32)
    public String kind;

    @Column(name = "rule_id", nullable = false, length = 32)
    public String ruleId;
}
