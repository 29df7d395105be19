package io.crosscheck.cdshooks.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.cdshooks.security.CdsIdentityProvider;
import io.crosscheck.cdshooks.store.CardFeedback;
import io.crosscheck.cdshooks.store.IssuedCard;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.persistence.DurableCommits;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.PlainTextValidator;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * CDS Hooks feedback: what the clinician did with each card (accepted, or overridden with a reason),
 * stored against the rule behind the card, and summarised per rule for authors.
 */
@ApplicationScoped
public class FeedbackService {

    private final ObjectMapper json;
    private final SecurityIdentity identity;
    private final Caller caller;
    private final DurableCommits durable;
    private final Clock clock = Clock.systemUTC();

    FeedbackService(ObjectMapper json, SecurityIdentity identity, Caller caller, DurableCommits durable) {
        this.json = json;
        this.identity = identity;
        this.caller = caller;
        this.durable = durable;
    }

    /**
     * Stores every feedback entry of a request, or none when one is invalid (400 naming it). Not audited, so made
     * durable here: the entries are on the disk before the EHR is told they were stored ({@link DurableCommits}).
     */
    @Transactional
    public int record(String serviceId, String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(400, List.of(new FieldError("", "malformed JSON")));
        }
        if (root == null
                || !root.path("feedback").isArray()
                || root.path("feedback").isEmpty()) {
            throw new InvalidRequestException(
                    400, List.of(new FieldError("/feedback", "a non-empty array is required")));
        }
        String clinic = identity.getAttribute(CdsIdentityProvider.CLINIC);
        String issuer = identity.getAttribute(CdsIdentityProvider.ISSUER);
        List<FieldError> errors = new ArrayList<>();
        List<CardFeedback> rows = new ArrayList<>();
        Instant now = clock.instant();
        JsonNode items = root.get("feedback");
        for (int i = 0; i < items.size(); i++) {
            JsonNode f = items.get(i);
            String at = "/feedback/" + i;
            String card = f.path("card").isTextual() ? f.get("card").asText() : null;
            IssuedCard issued = card == null
                    ? null
                    : IssuedCard.<IssuedCard>find("cardUuid = ?1 and clinicId = ?2", card, clinic)
                            .firstResultOptional()
                            .orElse(null);
            if (issued == null) {
                errors.add(new FieldError(
                        at + "/card", "not a card Crosscheck returned to this EHR client's clinic", card));
            }
            String outcome = f.path("outcome").asText(null);
            if (!"accepted".equals(outcome) && !"overridden".equals(outcome)) {
                errors.add(new FieldError(at + "/outcome", "accepted or overridden", outcome));
            }
            Instant outcomeAt = null;
            try {
                outcomeAt = OffsetDateTime.parse(f.path("outcomeTimestamp").asText(""))
                        .toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(at + "/outcomeTimestamp", "an ISO 8601 date-time is required"));
            }
            JsonNode reason = f.path("overrideReason");
            if ("accepted".equals(outcome) && !reason.isMissingNode()) {
                errors.add(new FieldError(at + "/overrideReason", "only for an overridden card"));
            }
            String comment = reason.path("userComment").isTextual()
                    ? reason.get("userComment").asText()
                    : null;
            if (comment != null && comment.length() > 1000) {
                errors.add(new FieldError(at + "/overrideReason/userComment", "at most 1000 characters"));
            }
            PlainTextValidator.check(errors, at + "/overrideReason/userComment", comment);
            PlainTextValidator.check(
                    errors,
                    at + "/overrideReason/reason/display",
                    reason.path("reason").path("display").asText(null));
            List<String> accepted = new ArrayList<>();
            f.path("acceptedSuggestions").forEach(s -> accepted.add(s.path("id").asText()));
            if (issued == null || !errors.isEmpty()) {
                continue;
            }
            CardFeedback row = new CardFeedback();
            row.id = UUID.randomUUID();
            row.cardUuid = card;
            row.ruleId = issued.ruleId;
            row.clinicId = clinic;
            row.serviceId = serviceId;
            row.ehrClient = issuer;
            row.outcome = outcome;
            JsonNode coding = reason.path("reason");
            row.reasonSystem = limit(coding.path("system").asText(null), 255);
            row.reasonCode = limit(coding.path("code").asText(null), 128);
            row.reasonDisplay = limit(coding.path("display").asText(null), 255);
            row.userComment = comment;
            row.accepted = accepted.isEmpty() ? null : limit(String.join(" ", accepted), 1000);
            row.outcomeAt = outcomeAt;
            row.receivedAt = now;
            rows.add(row);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(400, errors);
        }
        rows.forEach(r -> r.persist());
        if (!rows.isEmpty()) {
            durable.awaitOnCommit();
        }
        return rows.size();
    }

    /** What clinicians of the caller's clinic did with the cards of one rule. */
    public record RuleFeedback(
            String ruleId,
            long cardsIssued,
            long accepted,
            long overridden,
            List<ReasonCount> overrideReasons,
            List<Entry> recent) {}

    public record ReasonCount(String system, String code, String display, long count) {}

    /** One feedback entry; {@code id} names it to promote an override into a cornerstone case. */
    public record Entry(
            UUID id,
            String outcome,
            String reasonCode,
            String reasonDisplay,
            String comment,
            Instant at,
            String service) {}

    @Transactional
    public RuleFeedback forRule(String ruleId) {
        String clinic = caller.requiredClinicId();
        // a card counts for every rule it rests on (a pattern card: the rules of its findings and the grading rule)
        String among = "% " + ruleId + " %";
        long issued = IssuedCard.count("clinicId = ?1 and (ruleId = ?2 or ruleIds like ?3)", clinic, ruleId, among);
        List<CardFeedback> all = CardFeedback.<CardFeedback>find(
                        "clinicId = ?1 and (ruleId = ?2 or cardUuid in (select c.cardUuid from IssuedCard c"
                                + " where c.clinicId = ?1 and c.ruleIds like ?3)) order by outcomeAt desc",
                        clinic,
                        ruleId,
                        among)
                .list();
        long accepted = all.stream().filter(f -> f.outcome.equals("accepted")).count();
        Map<String, ReasonCount> reasons = new LinkedHashMap<>();
        for (CardFeedback f : all) {
            if (f.outcome.equals("overridden")) {
                String key = f.reasonSystem + "|" + f.reasonCode;
                ReasonCount c = reasons.get(key);
                reasons.put(
                        key,
                        new ReasonCount(f.reasonSystem, f.reasonCode, f.reasonDisplay, c == null ? 1 : c.count() + 1));
            }
        }
        List<Entry> recent = all.stream()
                .limit(50)
                .map(f -> new Entry(
                        f.id, f.outcome, f.reasonCode, f.reasonDisplay, f.userComment, f.outcomeAt, f.serviceId))
                .toList();
        return new RuleFeedback(
                ruleId,
                issued,
                accepted,
                all.size() - accepted,
                reasons.values().stream()
                        .sorted((a, b) -> Long.compare(b.count(), a.count()))
                        .toList(),
                recent);
    }

    private static String limit(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
