package io.crosscheck.authoring.cornerstone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A cornerstone case: a clinician's disagreement or a CDS card override that an author promoted, as the case every
 * later candidate knowledge base must keep. It holds the pseudonymised request ({@link Pseudonymiser}), what the
 * clinician expected and who decided (the clinician, or the EHR client of an override) in which month, the rules
 * concerned, who promoted it and why, and the conclusion it expects ({@link Conclusion}) with the version that drew
 * it. A changed conclusion that authors accepted replaces the expected one when its version goes live (status
 * {@value #CHANGED_AND_ACCEPTED}); a retired case is kept but no longer checked.
 */
@Entity
@Table(name = "cornerstone")
public class Cornerstone extends PanacheEntityBase {

    public static final String DISAGREEMENT = "disagreement";
    public static final String OVERRIDE = "override";

    public static final String KEPT = "kept";
    public static final String CHANGED_AND_ACCEPTED = "changed and accepted";
    public static final String RETIRED = "retired";

    @Id
    public UUID id;

    /** {@value #DISAGREEMENT} or {@value #OVERRIDE}. */
    @Column(nullable = false, length = 16)
    public String origin;

    /** The disagreement's or the card feedback's id. */
    @Column(name = "origin_id", nullable = false)
    public UUID originId;

    /** The rules concerned, space-separated with a space at either end (" UCS-001 PAT-002 "). */
    @Column(name = "rule_ids", nullable = false, length = 1000)
    public String ruleIds;

    /** The pseudonymised screening request (JSON). */
    @Column(name = "request_json", nullable = false)
    public String requestJson;

    /** What the clinician expected instead. */
    @Column(nullable = false, length = 500)
    public String expected;

    /** The clinician who disagreed, or the EHR client whose user overrode the card. */
    @Column(name = "decided_by", nullable = false, length = 255)
    public String decidedBy;

    /** The month of the decision (yyyy-MM). */
    @Column(name = "decided_in", nullable = false, length = 7)
    public String decidedIn;

    /** The coded reason of an override (its display, or its code); null for a disagreement. */
    @Column(name = "decision_reason", length = 255)
    public String decisionReason;

    @Column(name = "promoted_by", nullable = false, length = 128)
    public String promotedBy;

    @Column(name = "promoted_at", nullable = false)
    public Instant promotedAt;

    /** Why the author made it a cornerstone. */
    @Column(nullable = false, length = 2000)
    public String reason;

    /** The version whose conclusion is the expected one. */
    @Column(name = "kb_version", nullable = false, length = 64)
    public String kbVersion;

    /** The expected conclusion ({@link Conclusion} as JSON). */
    @Column(name = "conclusion_json", nullable = false)
    public String conclusionJson;

    /** The rules that fired for the expected conclusion, space-separated. */
    @Column(nullable = false)
    public String fired;

    /** {@value #KEPT}, {@value #CHANGED_AND_ACCEPTED} or {@value #RETIRED}. */
    @Column(nullable = false, length = 32)
    public String status;

    @Column(name = "accepted_by", length = 128)
    public String acceptedBy;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_reason", length = 2000)
    public String acceptedReason;

    @Column(name = "retired_by", length = 128)
    public String retiredBy;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retired_reason", length = 2000)
    public String retiredReason;

    public List<String> rules() {
        return words(ruleIds);
    }

    public List<String> firedRules() {
        return words(fired);
    }

    /** The first eight characters of the id, as pages and messages name a case. */
    public String shortId() {
        return id.toString().substring(0, 8);
    }

    static List<String> words(String s) {
        return s == null || s.isBlank()
                ? List.of()
                : Arrays.stream(s.trim().split("\\s+")).toList();
    }

    /** Rule ids as the column keeps them: space-separated with a space at either end. */
    static String padded(List<String> rules) {
        return " " + String.join(" ", rules) + " ";
    }
}
