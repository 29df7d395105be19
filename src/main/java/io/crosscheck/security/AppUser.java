package io.crosscheck.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user of the embedded identity store (quarkus-security-jpa): bcrypt password in modular crypt
 * format, comma-separated roles, the clinic whose clients the user may see, and whether the user may sign in
 * (disabled by an administrator, locked by repeated wrong passwords: {@link AccountGuard}).
 */
@Entity
@Table(name = "app_user")
@UserDefinition
public class AppUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    public Long id;

    @Username
    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Password
    @Column(nullable = false, length = 100)
    public String password;

    @Roles
    @Column(nullable = false, length = 200)
    public String roles;

    @Column(name = "clinic_id", nullable = false, length = 64)
    public String clinicId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Disabled by an administrator: every sign-in and session refused. */
    @Column(name = "disabled", nullable = false)
    public boolean disabled;

    /** Wrong passwords since {@link #failedSince}. */
    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @Column(name = "failed_since")
    public Instant failedSince;

    /** Locked by repeated wrong passwords until this time. */
    @Column(name = "locked_until")
    public Instant lockedUntil;

    /** Locked at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public static AppUser byName(String username) {
        return find("username", username).firstResult();
    }
}
