package io.crosscheck.authoring.cornerstone;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Cornerstone cases as the API and the pages show them: the case (origin, rules, what the clinician expected, who
 * decided, who promoted it and why, status, the expected conclusion) and, for a candidate version, each case it
 * changes side by side (before, after, the rules whose firing changed) with its acceptance.
 */
@ApplicationScoped
public class CornerstoneViews {

    /** A case; {@code request} only for one case, not in lists. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CornerstoneView(
            UUID id,
            String shortId,
            String origin,
            UUID originId,
            List<String> rules,
            String expected,
            String decidedBy,
            String decidedIn,
            String decisionReason,
            String promotedBy,
            Instant promotedAt,
            String reason,
            String status,
            String kbVersion,
            Conclusion conclusion,
            List<String> fired,
            String acceptedBy,
            Instant acceptedAt,
            String acceptedReason,
            String retiredBy,
            Instant retiredAt,
            String retiredReason,
            String scenario,
            JsonNode request) {}

    /**
     * One case a candidate version changes: its expected conclusion ({@code before}) and the candidate's ({@code
     * after}) side by side, what changed in words, the rules that fired before but not after and after but not
     * before, and its acceptance: {@code not accepted}, {@code awaiting a second author} or {@code accepted}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(
            UUID id,
            String shortId,
            String origin,
            List<String> rules,
            String expected,
            String reason,
            Conclusion before,
            Conclusion after,
            List<Conclusion.Row> sideBySide,
            List<String> changes,
            List<String> noLongerFiring,
            List<String> nowFiring,
            String acceptance,
            String acceptedBy,
            Instant acceptedAt,
            String acceptedReason,
            String confirmedBy,
            Instant confirmedAt,
            String confirmReason) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean accepted() {
            return ACCEPTED.equals(acceptance);
        }

        /** The aspects whose value changed, side by side. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public List<Conclusion.Row> changedRows() {
            return sideBySide.stream().filter(Conclusion.Row::changed).toList();
        }

        /** The aspects the version keeps. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public List<Conclusion.Row> keptRows() {
            return sideBySide.stream().filter(r -> !r.changed()).toList();
        }

        /** The acceptance as a CSS class suffix ({@code not-accepted}). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String acceptanceClass() {
            return acceptance.replace(' ', '-');
        }
    }

    public static final String NOT_ACCEPTED = "not accepted";
    public static final String AWAITING_SECOND = "awaiting a second author";
    public static final String ACCEPTED = "accepted";

    /**
     * What a candidate version does to the cornerstone cases: how many it was checked against (when, last), how many
     * it keeps, and each it changes; {@code awaitingAcceptance} counts those not (fully) accepted, which hold it back.
     */
    public record Changes(
            String version,
            int checked,
            int kept,
            int changed,
            int awaitingAcceptance,
            Instant checkedAt,
            boolean approvalRequired,
            List<Change> cases) {}

    private final ObjectMapper json;

    CornerstoneViews(ObjectMapper json) {
        this.json = json;
    }

    public CornerstoneView view(Cornerstone c, boolean full) {
        return new CornerstoneView(
                c.id,
                c.shortId(),
                c.origin,
                c.originId,
                c.rules(),
                c.expected,
                c.decidedBy,
                c.decidedIn,
                c.decisionReason,
                c.promotedBy,
                c.promotedAt,
                c.reason,
                c.status,
                c.kbVersion,
                conclusion(c.conclusionJson),
                c.firedRules(),
                c.acceptedBy,
                c.acceptedAt,
                c.acceptedReason,
                c.retiredBy,
                c.retiredAt,
                c.retiredReason,
                "/api/v1/knowledge-base/cornerstones/" + c.id + "/scenario",
                full ? tree(c.requestJson) : null);
    }

    public Conclusion conclusion(String text) {
        try {
            return json.readValue(text, Conclusion.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
