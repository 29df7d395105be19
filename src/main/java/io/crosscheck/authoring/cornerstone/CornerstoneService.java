package io.crosscheck.authoring.cornerstone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.PlainTextValidator;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.knowledge.service.ProposalReviews.Refused;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.service.ScreeningEvaluator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Promoting a disagreement or an override into a cornerstone case, and retiring one. The screening behind it is read
 * from the caller's clinic, its request pseudonymised ({@link Pseudonymiser}) and evaluated with the version serving
 * (the one evaluation path): that conclusion is what every later candidate must keep. Cornerstones hold nothing that
 * identifies a client, so every author sees all of them, like disagreements. Each step is audited.
 */
@ApplicationScoped
public class CornerstoneService {

    public static final int EXPECTED_MAX = 500;
    public static final int REASON_MAX = 2000;
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    /** What an author sends: which record to promote (one of the two), why, and optionally the expectation in words. */
    public record Promotion(String disagreement, String override, String reason, String expected) {}

    private final Instance<CornerstoneOrigin> origins;
    private final KnowledgeBaseService knowledgeBases;
    private final ScreeningEvaluator evaluator;
    private final CornerstoneViews views;
    private final Caller caller;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clock.systemUTC();

    CornerstoneService(
            Instance<CornerstoneOrigin> origins,
            KnowledgeBaseService knowledgeBases,
            ScreeningEvaluator evaluator,
            CornerstoneViews views,
            Caller caller,
            Event<AuditEvent> audit) {
        this.origins = origins;
        this.knowledgeBases = knowledgeBases;
        this.evaluator = evaluator;
        this.views = views;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * Promotes a disagreement or an override of the caller's clinic. 422 naming every bad field (neither or both
     * records named, an id of no record of the clinic, a missing or long reason, a long expectation); 409 when the
     * record is a cornerstone already. Nothing is stored then.
     */
    @Transactional
    public Cornerstone promote(Promotion p) {
        plain(
                "/disagreement",
                p.disagreement(),
                "/override",
                p.override(),
                "/reason",
                p.reason(),
                "/expected",
                p.expected());
        List<FieldError> errors = new ArrayList<>();
        String kind = p.disagreement() != null ? Cornerstone.DISAGREEMENT : Cornerstone.OVERRIDE;
        String id = p.disagreement() != null ? p.disagreement() : p.override();
        if ((p.disagreement() == null) == (p.override() == null)) {
            errors.add(new FieldError("/disagreement", "give either disagreement or override: the id of one record"));
        }
        String reason = text(errors, "/reason", p.reason(), REASON_MAX, true);
        String expected = text(errors, "/expected", p.expected(), EXPECTED_MAX, false);
        Optional<CornerstoneOrigin.Found> found = Optional.empty();
        UUID originId = null;
        if (id != null && errors.stream().noneMatch(e -> e.field().equals("/disagreement"))) {
            originId = uuid(id);
            found = originId == null ? Optional.empty() : origin(kind).find(originId);
            if (found.isEmpty()) {
                errors.add(new FieldError(
                        "/" + kind, "no " + kind + " of your clinic has this id (its screening may be erased)", id));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        if (Cornerstone.count("origin = ?1 and originId = ?2", kind, originId) > 0) {
            throw new Refused(409, "cornerstone-exists", "This " + kind + " is a cornerstone case already");
        }
        CornerstoneOrigin.Found f = found.get();
        JsonNode request = pseudonymised(f.screening().request());
        Cornerstone c = new Cornerstone();
        c.id = UUID.randomUUID();
        c.origin = kind;
        c.originId = originId;
        c.ruleIds = Cornerstone.padded(f.rules());
        c.requestJson = request.toString();
        c.expected = expected != null ? expected : limit(f.expected(), EXPECTED_MAX);
        c.decidedBy = limit(f.decidedBy(), 255);
        c.decidedIn = MONTH.format(f.decidedAt());
        c.decisionReason = limit(f.reason(), 255);
        c.promotedBy = limit(caller.name(), 128);
        c.promotedAt = clock.instant();
        c.reason = reason;
        c.status = Cornerstone.KEPT;
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            CornerstoneRuns.Run run = new CornerstoneRuns(evaluator)
                    .run(lease.knowledgeBase(), new CornerstoneRuns.Case(c.id.toString(), request));
            c.kbVersion = lease.knowledgeBase().version();
            c.conclusionJson = views.write(run.conclusion());
            c.fired = String.join(" ", run.fired());
        }
        c.persist();
        audit.fire(new AuditEvent(
                AuditEvent.KB_CORNERSTONE_PROMOTED,
                c.id.toString(),
                c.kbVersion,
                "from " + kind + " " + originId + ", rules" + c.ruleIds.stripTrailing()));
        return c;
    }

    /** Retires a case: kept, no longer checked. 404 for no such case, 409 when retired already, 422 without reason. */
    @Transactional
    public Cornerstone retire(UUID id, String reason) {
        plain("/reason", reason);
        List<FieldError> errors = new ArrayList<>();
        String why = text(errors, "/reason", reason, REASON_MAX, true);
        Cornerstone c = find(id);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        if (Cornerstone.RETIRED.equals(c.status)) {
            throw new Refused(409, "cornerstone-retired", "Cornerstone " + c.shortId() + " is retired already");
        }
        c.status = Cornerstone.RETIRED;
        c.retiredBy = limit(caller.name(), 128);
        c.retiredAt = clock.instant();
        c.retiredReason = why;
        audit.fire(
                new AuditEvent(AuditEvent.KB_CORNERSTONE_RETIRED, c.id.toString(), c.kbVersion, "by " + c.retiredBy));
        return c;
    }

    /** A case by id; 404 when there is none. */
    @Transactional
    public Cornerstone find(UUID id) {
        Cornerstone c = id == null ? null : Cornerstone.findById(id);
        if (c == null) {
            throw new Refused(404, "not-found", "No cornerstone case " + id);
        }
        return c;
    }

    /** Every case, newest first; with {@code rule}, those concerning that rule. */
    @Transactional
    public List<Cornerstone> list(String rule) {
        return rule == null
                ? Cornerstone.<Cornerstone>find("order by promotedAt desc, id").list()
                : Cornerstone.<Cornerstone>find("ruleIds like ?1 order by promotedAt desc, id", "% " + rule + " %")
                        .list();
    }

    private CornerstoneOrigin origin(String kind) {
        return origins.stream()
                .filter(o -> o.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no origin " + kind));
    }

    private JsonNode pseudonymised(String requestJson) {
        try {
            ScreeningRequest original = evaluator.json().readValue(requestJson, ScreeningRequest.class);
            return Pseudonymiser.json(evaluator.json(), original);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 400 naming each of the fields (pointer, value pairs) whose text is not plain text ({@link PlainTextValidator}),
     * as for every free text of the API; the pages' forms come here without the API's body reader.
     */
    static void plain(String... fieldsAndValues) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            PlainTextValidator.check(errors, fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(400, errors);
        }
    }

    /** The text, stripped (null when blank and not required); adds a 422 error when missing or too long. */
    static String text(List<FieldError> errors, String field, String value, int max, boolean required) {
        String t = value == null ? null : value.strip();
        if (t == null || t.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "is required: 1-" + max + " characters"));
            }
            return null;
        }
        if (t.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters", t.length()));
        }
        return t;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
