package io.crosscheck.screening;

import io.crosscheck.common.persistence.Gzip;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored screening: the validated input, the result and its explanation, the knowledge-base
 * version that produced them, when, and for which pseudonymous client reference. The result and explanation are
 * read through {@link io.crosscheck.screening.service.StoredDocuments}, which knows both formats (compressed since
 * V103, JSON text before).
 */
@Entity
@Table(name = "screening")
public class Screening extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_ref", length = 64)
    public String clientRef;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "kb_version", nullable = false, length = 64)
    public String kbVersion;

    /**
     * The request as JSON text: rows stored before V105 (and new rows while {@code crosscheck.storage.write-legacy-
     * columns} is set); null otherwise. Not public: every reader goes through {@link #request()}, which knows both
     * columns.
     */
    @Column(name = "request_json")
    String requestJson;

    /** The gzip of the request's JSON (V105, issue 27: 0.9 KB for the article's 2.1 KB); null on older rows. */
    @Column(name = "request_gz")
    public byte[] requestGz;

    /** The request's JSON once read or given: decompressed once per instance. */
    @Transient
    private String requestText;

    /**
     * The result without its explanation, as JSON: rows stored before V103 (and new rows while
     * {@code crosscheck.storage.write-legacy-columns} is set); null otherwise. Read through StoredDocuments.
     */
    @Column(name = "result_json")
    public String resultJson;

    /** The complete explanation as JSON: like {@link #resultJson}, rows stored before V103 only. */
    @Column(name = "explanation_json")
    public String explanationJson;

    /**
     * The gzip of the exact bytes the POST returned (the result with its compact explanation, and {@code visit});
     * null on rows stored before V103.
     */
    @Column(name = "response_gz")
    public byte[] responseGz;

    /** The gzip of the complete explanation (JSON); null on rows stored before V103. */
    @Column(name = "explanation_gz")
    public byte[] explanationGz;

    /** The clinic the client belongs to; every read filters by the caller's clinic. */
    @Column(name = "clinic_id", nullable = false, length = 64)
    public String clinicId;

    /** The caller's Idempotency-Key, unique per clinic: a retry returns this screening. */
    @Column(name = "idempotency_key", length = 128)
    public String idempotencyKey;

    /** SHA-256 (hex) of the request body sent with {@link #idempotencyKey}: the key with another body is refused. */
    @Column(name = "idempotency_digest", length = 64)
    public String idempotencyDigest;

    /** The screening this one corrects (an amendment), or null for a first version. */
    @Column(name = "amends_id")
    public UUID amendsId;

    /** The first version's id; null: this row is its own chain (rows stored before amendments existed). */
    @Column(name = "chain_id")
    public UUID chainId;

    /** The version in the chain, 1 for the first; null reads as 1. */
    @Column(name = "version_no")
    public Integer versionNo;

    /** Why this version amends the previous one. */
    @Column(name = "amend_reason", length = 500)
    public String amendReason;

    /** When the visit this chain records took place: the first version's createdAt; null reads as createdAt. */
    @Column(name = "screened_at")
    public Instant screenedAt;

    /** The user who stored this version (null on rows stored before it was recorded). */
    @Column(name = "created_by", length = 128)
    public String createdBy;

    /** The referral urgency of the result, {@code none} without referral; null: not summarised (read result_json). */
    @Column(name = "referral_urgency", length = 16)
    public String referralUrgency;

    /** Each pattern's status, {@code UCS=consistent,LCS=partial}; null: not summarised (read result_json). */
    @Column(name = "pattern_status", length = 500)
    public String patternStatus;

    /** The request as JSON, from whichever column holds it. */
    public String request() {
        if (requestText == null) {
            requestText = Gzip.textOr(requestGz, requestJson);
        }
        return requestText;
    }

    /**
     * Gives a screening its request as JSON: one about to be stored (then {@link #compressRequest}), or a row read
     * column by column.
     */
    public void request(String json) {
        requestText = json;
    }

    /**
     * Stores the request given by {@link #request(String)} compressed at {@code level}; {@code asTextToo}: also as
     * text, for the nodes of a version before V105 during a rolling upgrade.
     */
    public void compressRequest(int level, boolean asTextToo) {
        String json = request();
        requestGz = Gzip.compress(json.getBytes(StandardCharsets.UTF_8), level);
        requestJson = asTextToo ? json : null;
    }

    public UUID chain() {
        return chainId == null ? id : chainId;
    }

    public int version() {
        return versionNo == null ? 1 : versionNo;
    }

    public Instant screened() {
        return screenedAt == null ? createdAt : screenedAt;
    }
}
