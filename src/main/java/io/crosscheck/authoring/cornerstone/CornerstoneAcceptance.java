package io.crosscheck.authoring.cornerstone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An author's acceptance of the conclusion one candidate version gives a cornerstone case, with the reason; where
 * approval is required, confirmed by a second author. It lets that version go live; when it does, the accepted
 * conclusion becomes the case's expected one.
 */
@Entity
@Table(name = "cornerstone_acceptance")
public class CornerstoneAcceptance extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cornerstone_id", nullable = false)
    public UUID cornerstoneId;

    @Column(nullable = false, length = 64)
    public String version;

    /** The conclusion accepted ({@link Conclusion} as JSON): the one the version gave when it was checked. */
    @Column(name = "conclusion_json", nullable = false)
    public String conclusionJson;

    @Column(nullable = false)
    public String fired;

    @Column(name = "accepted_by", nullable = false, length = 128)
    public String acceptedBy;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "confirmed_by", length = 128)
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "confirm_reason", length = 2000)
    public String confirmReason;

    /** Complete: accepted, and confirmed by a second author where {@code approvalRequired}. */
    public boolean complete(boolean approvalRequired) {
        return !approvalRequired || confirmedBy != null;
    }
}
