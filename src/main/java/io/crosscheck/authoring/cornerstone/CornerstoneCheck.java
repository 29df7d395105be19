package io.crosscheck.authoring.cornerstone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What a candidate version concluded for one cornerstone case when it was last checked. */
@Entity
@Table(name = "cornerstone_check")
public class CornerstoneCheck extends PanacheEntityBase {

    /** The version and the case. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(nullable = false, length = 64)
        public String version;

        @Column(name = "cornerstone_id", nullable = false)
        public UUID cornerstoneId;

        public Key() {}

        public Key(String version, UUID cornerstoneId) {
            this.version = version;
            this.cornerstoneId = cornerstoneId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version.equals(version) && k.cornerstoneId.equals(cornerstoneId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(version, cornerstoneId);
        }
    }

    @EmbeddedId
    public Key key;

    /** The candidate's conclusion ({@link Conclusion} as JSON). */
    @Column(name = "conclusion_json", nullable = false)
    public String conclusionJson;

    /** The rules that fired, space-separated. */
    @Column(nullable = false)
    public String fired;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;
}
