package io.crosscheck.cdshooks.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A JWT id already used by an issuer, kept until the token has expired. */
@Entity
@Table(name = "cds_jti")
public class UsedTokenId {

    @EmbeddedId
    public Key key;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "issuer", length = 255)
        public String issuer;

        @Column(name = "jti", length = 255)
        public String jti;

        public Key() {}

        public Key(String issuer, String jti) {
            this.issuer = issuer;
            this.jti = jti;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(issuer, k.issuer) && Objects.equals(jti, k.jti);
        }

        @Override
        public int hashCode() {
            return Objects.hash(issuer, jti);
        }
    }
}
