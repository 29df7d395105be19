package io.crosscheck.screening.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A physiotherapist's disagreement with one conclusion of a screening: the rule behind it, what they
 * expected instead and why. Holds no client reference; kept when the client's screenings are erased.
 */
@Entity
@Table(name = "disagreement")
public class Disagreement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "screening_id", nullable = false)
    public UUID screeningId;

    @Column(name = "clinic_id", nullable = false, length = 64)
    public String clinicId;

    @Column(name = "username", nullable = false, length = 128)
    public String username;

    @Column(name = "kb_version", nullable = false, length = 64)
    public String kbVersion;

    @Column(name = "rule_id", nullable = false, length = 32)
    public String ruleId;

    @Column(name = "conclusion_id", length = 64)
    public String conclusionId;

    @Column(name = "expected", nullable = false, length = 500)
    public String expected;

    @Column(name = "user_comment", length = 2000)
    public String comment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
