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

    /** Every rule the card rests on, space-separated with a space at either end (" LCS-010 PAT-001 "); null before V85. */
    @Column(name = "rule_ids", length = 1000)
    public String ruleIds;

    /** The stored client reference of the patient (never the EHR's id). */
    @Column(name = "client_ref", length = 64)
    public String clientRef;

    /** The day (UTC) the card was first shown. */
    @Column(name = "issued_on")
    public java.time.LocalDate issuedOn;

    /** SHA-256 of the card's clinical content (kind, indicator, summary, detail): the same card on another chart open. */
    @Column(name = "fingerprint", length = 64)
    public String fingerprint;
}
