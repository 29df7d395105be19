package io.crosscheck.screening.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.PlainTextValidator;
import io.crosscheck.engine.explain.Explanation;
import io.crosscheck.engine.explain.ExplanationNode;
import io.crosscheck.engine.explain.FiredRule;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.store.Disagreement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Physiotherapists' disagreements with conclusions of their screenings, for rule authors. Recording one
 * reads the screening in the caller's clinic (audited); reading them (authors) shows no client reference
 * or screening id, so authors see them across clinics. CDS card feedback on the same rule is a separate
 * record ({@code /api/v1/knowledge-base/rules/{ruleId}/feedback}); the summary links to it.
 */
@ApplicationScoped
public class DisagreementService {

    public static final int MAX_EXPECTED = 500;
    public static final int MAX_COMMENT = 2000;
    private static final Set<String> FIELDS = Set.of("conclusionId", "ruleId", "expected", "comment");

    /** What a physiotherapist sends: the conclusion or the rule they disagree with, what they expected, why. */
    public record DisagreementRequest(String conclusionId, String ruleId, String expected, String comment) {}

    /** A recorded disagreement. {@code screeningId} only in the answer to the physiotherapist who recorded it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DisagreementView(
            UUID id,
            UUID screeningId,
            String ruleId,
            String conclusionId,
            String kbVersion,
            String expected,
            String comment,
            String user,
            String clinic,
            Instant at) {}

    /** Disagreements with one rule, newest first (at most {@link #MAX_LISTED}). */
    public record RuleDisagreements(String ruleId, long count, List<DisagreementView> disagreements, String feedback) {}

    /** Per rule: how many disagreements, the latest, and where the rule's list and its CDS card feedback are. */
    public record RuleCount(String ruleId, long count, Instant latest, String disagreements, String feedback) {}

    public static final int MAX_LISTED = 500;

    private final ScreeningStore store;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clock.systemUTC();

    private final StoredDocuments documents;

    DisagreementService(
            ScreeningStore store,
            ObjectMapper mapper,
            Caller caller,
            Event<AuditEvent> audit,
            StoredDocuments documents) {
        this.store = store;
        this.documents = documents;
        this.mapper = mapper;
        this.caller = caller;
        this.audit = audit;
    }

    /** Records a disagreement from a JSON body (see {@link #record(UUID, DisagreementRequest)}); 400 for a malformed body. */
    public DisagreementView record(UUID screeningId, String body) {
        return record(screeningId, read(body));
    }

    /**
     * Records a disagreement with a conclusion (by conclusion id, its rule taken from the explanation) or a
     * rule (which must have fired in that screening) of the screening {@code screeningId} of the caller's
     * clinic. 404 when the screening is not found; 400 naming expected or comment when it is not plain text
     * ({@link PlainTextValidator}); 422 naming each bad field; nothing is stored then.
     */
    @Transactional
    public DisagreementView record(UUID screeningId, DisagreementRequest request) {
        List<FieldError> malformed = new ArrayList<>();
        PlainTextValidator.check(malformed, "/expected", request.expected());
        PlainTextValidator.check(malformed, "/comment", request.comment());
        if (!malformed.isEmpty()) {
            throw new InvalidRequestException(400, malformed);
        }
        List<FieldError> errors = new ArrayList<>();
        boolean byConclusion = request.conclusionId() != null;
        if (byConclusion == (request.ruleId() != null)) {
            errors.add(new FieldError("/conclusionId", "give either conclusionId or ruleId"));
        }
        if (request.expected() == null
                || request.expected().isBlank()
                || request.expected().length() > MAX_EXPECTED) {
            errors.add(new FieldError("/expected", "required: what you expected, 1-" + MAX_EXPECTED + " characters"));
        }
        if (request.comment() != null && request.comment().length() > MAX_COMMENT) {
            errors.add(new FieldError("/comment", "at most " + MAX_COMMENT + " characters"));
        }
        Screening screening = store.find(screeningId).orElseThrow(NotFoundException::new);
        String ruleId = null;
        if (errors.isEmpty()) {
            Explanation explanation = explanation(screening);
            if (byConclusion) {
                Optional<ExplanationNode> node = explanation.nodes().stream()
                        .filter(n -> n.id().equals(request.conclusionId())
                                && n.rule() != null
                                && n.rule().id() != null)
                        .findFirst();
                if (node.isEmpty()) {
                    errors.add(new FieldError(
                            "/conclusionId", "no conclusion of this screening has this id", request.conclusionId()));
                } else {
                    ruleId = node.get().rule().id();
                }
            } else {
                boolean fired = explanation.trace() != null
                                && explanation.trace().stream()
                                        .map(FiredRule::ruleId)
                                        .anyMatch(request.ruleId()::equals)
                        || explanation.nodes().stream()
                                .anyMatch(n -> n.rule() != null
                                        && request.ruleId().equals(n.rule().id()));
                if (!fired) {
                    errors.add(new FieldError(
                            "/ruleId", "this rule concluded nothing in this screening", request.ruleId()));
                } else {
                    ruleId = request.ruleId();
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        Disagreement d = new Disagreement();
        d.id = UUID.randomUUID();
        d.screeningId = screening.id;
        d.clinicId = screening.clinicId;
        d.username = caller.name();
        d.kbVersion = screening.kbVersion;
        d.ruleId = ruleId;
        d.conclusionId = request.conclusionId();
        d.expected = request.expected();
        d.comment = request.comment();
        d.createdAt = clock.instant();
        d.persist();
        audit.fire(new AuditEvent(
                AuditEvent.SCREENING_DISAGREE, screening.id.toString(), screening.kbVersion, "rule " + ruleId));
        return view(d, true);
    }

    /**
     * The disagreements recorded with conclusions of the screening {@code screeningId} of the caller's clinic, oldest
     * first (the clinician's own record of them); empty when the screening is not found in the clinic.
     */
    @Transactional
    public List<DisagreementView> forScreening(UUID screeningId) {
        if (store.find(screeningId).isEmpty()) {
            return List.of();
        }
        return Disagreement.<Disagreement>find("screeningId = ?1 order by createdAt, id", screeningId)
                .page(0, MAX_LISTED)
                .list()
                .stream()
                .map(d -> view(d, true))
                .toList();
    }

    /** Every clinic's disagreements with one rule, newest first, without client reference or screening id. */
    @Transactional
    public RuleDisagreements forRule(String ruleId) {
        long count = Disagreement.count("ruleId", ruleId);
        List<DisagreementView> list = Disagreement.<Disagreement>find("ruleId = ?1 order by createdAt desc, id", ruleId)
                .page(0, MAX_LISTED)
                .list()
                .stream()
                .map(d -> view(d, false))
                .toList();
        return new RuleDisagreements(ruleId, count, list, feedbackPath(ruleId));
    }

    /** How many disagreements each rule has, most recent first. */
    @Transactional
    public List<RuleCount> summary() {
        List<Object[]> rows = Disagreement.getEntityManager()
                .createQuery(
                        "select d.ruleId, count(d), max(d.createdAt) from Disagreement d group by d.ruleId order by max(d.createdAt) desc, d.ruleId",
                        Object[].class)
                .getResultList();
        return rows.stream()
                .map(r -> new RuleCount(
                        (String) r[0],
                        ((Number) r[1]).longValue(),
                        (Instant) r[2],
                        "/api/v1/knowledge-base/rules/" + r[0] + "/disagreements",
                        feedbackPath((String) r[0])))
                .toList();
    }

    private static String feedbackPath(String ruleId) {
        return "/api/v1/knowledge-base/rules/" + ruleId + "/feedback";
    }

    private static DisagreementView view(Disagreement d, boolean own) {
        return new DisagreementView(
                d.id,
                own ? d.screeningId : null,
                d.ruleId,
                d.conclusionId,
                d.kbVersion,
                d.expected,
                d.comment,
                d.username,
                d.clinicId,
                d.createdAt);
    }

    private Explanation explanation(Screening s) {
        return documents.explanation(s);
    }

    private DisagreementRequest read(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(400, List.of(new FieldError("/", "malformed JSON")));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(400, List.of(new FieldError("/", "the body must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                errors.add(new FieldError("/" + f, "unknown field"));
            } else if (!root.get(f).isNull() && !root.get(f).isTextual()) {
                errors.add(new FieldError("/" + f, "must be a string"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(400, errors);
        }
        return new DisagreementRequest(
                text(root, "conclusionId"), text(root, "ruleId"), text(root, "expected"), text(root, "comment"));
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
