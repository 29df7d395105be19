package io.crosscheck.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The language a client's take-home sheet is printed in, one row per client of a clinic (none: English). */
@Entity
@Table(name = "client_language")
public class ClientLanguage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, length = 64)
    public String clinicId;

    @Column(name = "client_ref", nullable = false, length = 64)
    public String clientRef;

    @Column(nullable = false, length = 8)
    public String language;

    @Column(name = "set_by", nullable = false, length = 128)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    public static Optional<ClientLanguage> of(String clinic, String clientRef) {
        return find("clinicId = ?1 and clientRef = ?2", clinic, clientRef).firstResultOptional();
    }
}
