package io.crosscheck.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One saved version of what the clinician chose for a screening's take-home sheet: the home exercises with whether
 * each goes home and its dose in the client's words ({@code itemsJson}), and a personal note. Rows are only ever added;
 * the highest version is what the sheet prints.
 */
@Entity
@Table(name = "home_programme_edit")
public class HomeProgrammeEdit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "screening_id", nullable = false)
    public UUID screeningId;

    @Column(name = "clinic_id", nullable = false, length = 64)
    public String clinicId;

    @Column(name = "version_no", nullable = false)
    public int versionNo;

    @Column(name = "items_json", nullable = false)
    public String itemsJson;

    @Column(length = 1000)
    public String note;

    @Column(name = "edited_by", nullable = false, length = 128)
    public String editedBy;

    @Column(name = "edited_at", nullable = false)
    public Instant editedAt;

    /** Every version of a screening's edits in a clinic, oldest first. */
    public static List<HomeProgrammeEdit> versions(String clinic, UUID screening) {
        return list("clinicId = ?1 and screeningId = ?2 order by versionNo", clinic, screening);
    }

    /** The latest version of a screening's edits in a clinic. */
    public static Optional<HomeProgrammeEdit> latest(String clinic, UUID screening) {
        return find("clinicId = ?1 and screeningId = ?2 order by versionNo desc", clinic, screening)
                .firstResultOptional();
    }
}
