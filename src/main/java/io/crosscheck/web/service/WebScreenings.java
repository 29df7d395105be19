package io.crosscheck.web.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.PreviousVisits;
import io.crosscheck.screening.service.ScreeningReads;
import io.crosscheck.screening.service.ScreeningService;
import io.crosscheck.screening.service.ScreeningStore;
import io.crosscheck.screening.service.StoredDocuments;
import io.crosscheck.web.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The screening pages' side of the screening service: the form laid out from the serving knowledge
 * base, a posted form screened through {@link ScreeningService} (the one evaluation path every entry
 * point uses), and stored results turned into what the result page, the printouts and the derivation
 * view show. No evaluation of its own, no storage of its own. The form's threshold hints are
 * {@link ThresholdHints}', the result page's content {@link ResultViews}', the derivation rows
 * {@link Derivations}'.
 */
@ApplicationScoped
public class WebScreenings {

    public static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ScreeningService screenings;
    private final ScreeningStore store;
    private final KnowledgeBaseService knowledgeBases;
    private final ObjectMapper mapper;
    private final ScreeningForm form;
    private final BodyDiagram diagram = BodyDiagram.load();
    private final ResultViews results;
    private final PreviousVisits previousVisits;
    private final WebVisits visits;
    private final ScreeningReads reads;
    private final StoredDocuments documents;

    WebScreenings(
            ScreeningService screenings,
            ScreeningStore store,
            KnowledgeBaseService knowledgeBases,
            ObjectMapper mapper,
            WebConfig config,
            PreviousVisits previousVisits,
            WebVisits visits,
            ScreeningReads reads,
            StoredDocuments documents) {
        this.reads = reads;
        this.documents = documents;
        this.previousVisits = previousVisits;
        this.visits = visits;
        this.screenings = screenings;
        this.store = store;
        this.knowledgeBases = knowledgeBases;
        this.mapper = mapper;
        this.form = new ScreeningForm(mapper, Questionnaires.load(), config.symptomRows());
        this.results = new ResultViews(diagram);
    }

    /** The knowledge base in service, whose vocabulary and inputs the form follows. */
    public KnowledgeBase knowledgeBase() {
        return knowledgeBases.current();
    }

    public ScreeningForm form() {
        return form;
    }

    public BodyDiagram diagram() {
        return diagram;
    }

    /**
     * The form for the serving knowledge base with these values and errors. A new screening of a client seen before
     * lists the exercises of the previous visit's sheet for the follow-up.
     */
    public FormModel model(Map<String, String> posted, Map<String, String> errors) {
        KnowledgeBase kb = knowledgeBases.current();
        Map<String, String> values = new java.util.LinkedHashMap<>(posted);
        if (!values.containsKey("fu.ids") && values.get("clientRef") != null) {
            previousVisits.latest(values.get("clientRef")).ifPresent(p -> {
                values.put("fu.ids", String.join(",", p.programmeOrEmpty()));
                values.put("fu.date", p.date().toString());
            });
        }
        visits.shown(values, errors);
        return form.model(kb, values, errors, ThresholdHints.of(kb));
    }

    /** A new screening's form values: a client seen before starts from the latest screening ({@link WebVisits}). */
    public Map<String, String> newScreening(String clientRef) {
        return visits.newScreening(clientRef, knowledgeBases.current(), form);
    }

    /** A posted form as the API's JSON request, with the field behind each JSON pointer. */
    public ScreeningForm.Read read(Map<String, String> values) {
        KnowledgeBase kb = knowledgeBases.current();
        ScreeningForm.Read read = form.read(kb, values);
        visits.read(kb, values, read);
        return read;
    }

    /** Screens the request read from a form, through the screening service; its Idempotency-Key makes a double submit harmless. */
    public UUID screen(ScreeningForm.Read read, String idempotencyKey) {
        String body = json(read.request());
        visits.refuseUnconfirmed(body);
        if (idempotencyKey != null) {
            Optional<ScreeningReads.Body> earlier = reads.byIdempotencyKey(idempotencyKey, body, false);
            if (earlier.isPresent()) {
                return earlier.get().id();
            }
        }
        return screenings.screen(body, idempotencyKey).id();
    }

    /**
     * A posted amendment form read as the API's request for the screening {@code originalId}: the client reference of
     * an amendment is the original's, so it is put into {@code values} (the form shown again keeps it). Empty when the
     * original is not found in the caller's clinic.
     */
    public Optional<ScreeningForm.Read> readAmendment(UUID originalId, Map<String, String> values) {
        Optional<Screening> original = find(originalId);
        original.filter(o -> o.clientRef != null).ifPresent(o -> values.put("clientRef", o.clientRef));
        return original.map(o -> read(values));
    }

    /** Amends a stored screening with the request read from a form: a new version through the screening service; returns its id. */
    public UUID amend(UUID id, String reason, ScreeningForm.Read read) {
        return screenings
                .amend(id, new ScreeningService.AmendmentRequest(reason, json(read.request())))
                .id();
    }

    /** A refused amendment as its form shows it: the request's errors by form field, the reason's error apart. */
    public record AmendmentErrors(Map<String, String> byField, String reason) {
        /** How many errors the form announces. */
        public int count() {
            return byField.size() + (reason == null ? 0 : 1);
        }
    }

    /** The errors of an amendment the screening service refused (request fields under {@code /request}). */
    public AmendmentErrors amendmentErrors(ScreeningForm.Read read, List<FieldError> errors) {
        List<FieldError> requestErrors = errors.stream()
                .filter(f -> f.field() != null && f.field().startsWith("/request"))
                .map(f -> new FieldError(f.field().substring("/request".length()), f.message(), f.rejectedValue()))
                .toList();
        String reasonError = errors.stream()
                .filter(f -> "/reason".equals(f.field()))
                .map(FieldError::message)
                .findFirst()
                .orElse(null);
        return new AmendmentErrors(read.errorsByField(requestErrors), reasonError);
    }

    /** The red-flag questions answered on the result page, put into the stored request's form values. */
    public record RedFlagAnswers(Map<String, String> values, int answered) {
        /** The reason the new version records. */
        public String reason() {
            return "Red-flag screen completed: " + answered + " question(s) answered";
        }
    }

    /**
     * The stored screening's form values with each red-flag question posted as yes or no ({@code rf.<code>}) put in;
     * "not asked" (blank) leaves a question as it was. Only the knowledge base's red-flag questions may be posted: any
     * other field, or another answer, is refused (400 naming each) and nothing is stored.
     */
    public RedFlagAnswers redFlagAnswers(Stored stored, Map<String, String> posted) {
        Set<String> known = new HashSet<>();
        knowledgeBases.current().reference().redFlags().forEach(d -> known.add("rf." + d.getCode()));
        List<FieldError> refused = new ArrayList<>();
        Map<String, String> values = formValues(stored);
        int answered = 0;
        for (Map.Entry<String, String> e : posted.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            if (!known.contains(e.getKey())) {
                refused.add(new FieldError(e.getKey(), "is not a red-flag question of this knowledge base"));
            } else if ("yes".equals(value) || "no".equals(value)) {
                values.put(e.getKey(), value);
                answered++;
            } else if (!value.isEmpty()) {
                refused.add(new FieldError(e.getKey(), "must be yes, no or left unanswered", value));
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidRequestException(400, refused);
        }
        return new RedFlagAnswers(values, answered);
    }

    /** The conclusions of a result a clinician may disagree with: patterns, referrals and plan items. */
    public List<FormField.Option> conclusions(ScreeningResult r) {
        return ResultViews.conclusions(r);
    }

    /** A stored screening of the caller's clinic: the entity (its request) and its result. */
    public record Stored(Screening screening, ScreeningResult result, JsonNode request) {}

    public Optional<Stored> stored(UUID id) {
        // the stored result is kept without its explanation: read as it is, with no explanation parsed for a page
        // that does not show one (derivations are read on demand, from the entity, by derivation())
        return find(id).map(s -> {
            try {
                return new Stored(s, documents.result(s), mapper.readTree(s.request()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A stored screening of the caller's clinic, as stored (the read is audited by the store). */
    public Optional<Screening> find(UUID id) {
        return store.find(id);
    }

    /** The form values that reproduce a stored screening's request, to amend it. */
    public Map<String, String> formValues(Stored stored) {
        Map<String, String> values = new LinkedHashMap<>(form.values(knowledgeBases.current(), stored.request()));
        visits.values(stored, values);
        return values;
    }

    /** The result page's content, with the screening around it ({@link ScreeningRecords#of}). */
    public ResultView view(Stored stored, ResultView.ScreeningRecord record) {
        visits.shown(stored);
        return results.view(knowledgeBases.current(), stored.result(), record);
    }

    /** The derivation tree of one conclusion (or of every conclusion the result names, when null), down to the inputs. */
    public List<DerivationRow> derivation(Screening s, String conclusionId) {
        return Derivations.rows(documents.explanation(s), conclusionId);
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
