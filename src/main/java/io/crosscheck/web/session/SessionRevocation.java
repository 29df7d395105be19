package io.crosscheck.web.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** When a user last signed out of the web UI: their session cookies issued until then are refused. */
@Entity
@Table(name = "web_session_revocation")
public class SessionRevocation extends PanacheEntityBase {

    @Id
    @Column(length = 255)
    public String username;

    /** Epoch milliseconds: a session cookie issued at or before this instant is refused. */
    @Column(name = "revoked_before", nullable = false)
    public long revokedBefore;
}
