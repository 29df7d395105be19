package io.crosscheck.screening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.Threshold;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.service.ScreeningStore.ClientRow;
import io.crosscheck.screening.service.ScreeningStore.ScreeningRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The clients of the caller's clinic for the web UI and {@code /api/v1/clients}: search by pseudonymous
 * reference, a client's screenings with status chips and trends, and a client's history of measured values
 * and pattern statuses for charts. Only the latest version of each amendment chain counts. Every read is
 * limited to the caller's clinic and audited. Methods return plain records and need no HTTP.
 */
@ApplicationScoped
public class ClientService {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    private static final Pattern CLIENT_REF = Pattern.compile(ScreeningRequest.CLIENT_REF);
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._:-]{0,64}");

    /** A page of items; {@code page} counts from 1, {@code total} is the number of items over all pages. */
    public record Page<T>(int page, int size, long total, List<T> items) {

        /** Whether a page follows this one. */
        public boolean hasNext() {
            return (long) page * size < total;
        }

    }

    /** One status chip: the status now and its trend against the client's previous screening (better/same/worse/none). */
    public record Chip(String status, String trend) {
    }

    /** A pattern's chip: its code as the result names it (UCS, LCS, LAYER, BPD), status and trend. */
    public record PatternChip(String code, String status, String trend) {
    }

    /** The chips of one screening: the referral (none or the result's urgency) and each pattern of the result. */
    public record Chips(Chip referral, List<PatternChip> patterns) {
    }

    /** One client in the list: how many screenings (latest versions), the last one and its chips. */
    public record ClientSummary(String clientRef, long screenings, UUID lastScreeningId, Instant lastScreeningAt, Chips chips) {
    }

    /** Where a listed screening stands in its amendment chain (version 1: not amended). */
    public record Amendment(UUID chainId, int version, UUID amends, String reason) {
    }

    /** One screening of a client: the latest version of its chain, with its chips and amendment info. */
    public record ClientScreening(UUID id, Instant createdAt, String kbVersion, Chips chips, Amendment amendment) {
    }

    /** One measured value of a series. {@code createdAt} is when the screening (its first version) was made. */
    public record Point(UUID screeningId, Instant createdAt, double value) {
    }

    /** A rule that compares the measured value with a threshold. */
    public record ThresholdRule(String id, String name) {
    }

    /** A reference line for a chart: the threshold from the reference data and the rules that use it with this measurement. */
    public record ThresholdLine(String id, String label, String comparator, double value, String unit, String note,
                                List<ThresholdRule> rules) {
    }

    /**
     * One measured quantity over time: {@code kind} observation, muscleLength, movement or symptom; {@code code}
     * the observation, muscle, movement test or symptom region; {@code side} when sided; {@code qualifier} the
     * symptom kind; label and unit from the vocabulary.
     */
    public record Series(String kind, String code, String side, String qualifier, String label, String unit,
                         List<ThresholdLine> thresholds, List<Point> points) {
    }

    /** One pattern status of a screening. */
    public record StatusPoint(UUID screeningId, Instant createdAt, String status) {
    }

    /** One pattern's status over the client's screenings. */
    public record PatternSeries(String code, String name, List<StatusPoint> points) {
    }

    /** A client's history, oldest screening first; thresholds are those of the knowledge base now serving. */
    public record ClientHistory(String clientRef, String knowledgeBaseVersion, List<Series> series, List<PatternSeries> patterns) {
    }

    private final ScreeningStore store;
    private final KnowledgeBaseService knowledgeBases;
    private final ObjectMapper mapper;

    ClientService(ScreeningStore store, KnowledgeBaseService knowledgeBases, ObjectMapper mapper) {
        this.store = store;
        this.knowledgeBases = knowledgeBases;
        this.mapper = mapper;
    }

    /**
     * The caller's clinic's clients whose reference contains {@code q} (any case; null or empty: all), last
     * screened first. {@code page} from 1, {@code size} 1-100; 422 naming {@code q}, {@code page} or {@code size} otherwise.
     */
    @Transactional
    public Page<ClientSummary> clients(String q, int page, int size) {
        List<FieldError> errors = new ArrayList<>(paging(page, size));
        String query = q == null ? "" : q;
        if (!QUERY.matcher(query).matches()) {
            errors.add(new FieldError("q", "0-64 letters, digits or . _ : - (part of a pseudonymous reference)", q));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        long total = store.countClients(query);
        List<ClientRow> rows = store.clients(query, page - 1, size);
        Map<String, List<ScreeningRow>> byClient = new LinkedHashMap<>();
        for (ScreeningRow r : store.latestOfClients(rows.stream().map(ClientRow::clientRef).toList())) {
            byClient.computeIfAbsent(r.clientRef(), k -> new ArrayList<>()).add(r);
        }
        List<ClientSummary> items = new ArrayList<>();
        for (ClientRow c : rows) {
            List<ScreeningRow> latest = byClient.getOrDefault(c.clientRef(), List.of());
            ScreeningRow last = latest.isEmpty() ? null : latest.get(0);
            ScreeningRow previous = latest.size() > 1 ? latest.get(1) : null;
            items.add(new ClientSummary(c.clientRef(), c.screenings(), last == null ? null : last.id(), c.lastScreenedAt(),
                    last == null ? null : chips(summary(last), previous == null ? null : summary(previous))));
        }
        return new Page<>(page, size, total, items);
    }

    /** One client's screenings (latest versions), newest first, paged; 404 when the client has none in the caller's clinic. */
    @Transactional
    public Page<ClientScreening> screenings(String clientRef, int page, int size) {
        List<FieldError> errors = new ArrayList<>(paging(page, size));
        checkRef(clientRef, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        long total = store.countOfClient(clientRef);
        if (total == 0) {
            throw new NotFoundException();
        }
        // one more than the page: the screening before the page's last, for its trend
        List<ScreeningRow> rows = store.latestOfClient(clientRef, (page - 1) * size, size + 1);
        List<ClientScreening> items = new ArrayList<>();
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            ScreeningRow r = rows.get(i);
            ScreeningSummary previous = i + 1 < rows.size() ? summary(rows.get(i + 1)) : null;
            items.add(new ClientScreening(r.id(), r.screened(), r.kbVersion(), chips(summary(r), previous),
                    new Amendment(r.chain(), r.version(), r.amendsId(), r.amendReason())));
        }
        store.auditClientRead(AuditEvent.CLIENT_READ, clientRef, items.size() + " screening(s) listed");
        return new Page<>(page, size, total, items);
    }

    /**
     * A client's history for charts: every measured value of the stored requests (latest versions, oldest
     * first), one series per (kind, code, side, symptom kind, unit) with the thresholds the rules compare it
     * with, and each pattern's status. 404 when the client has no screening in the caller's clinic.
     */
    @Transactional
    public ClientHistory history(String clientRef) {
        List<FieldError> errors = new ArrayList<>();
        checkRef(clientRef, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        List<Screening> screenings = store.latestOfClientWithRequests(clientRef);
        if (screenings.isEmpty()) {
            throw new NotFoundException();
        }
        try (KnowledgeBaseService.Lease lease = knowledgeBases.acquire()) {
            KnowledgeBase kb = lease.knowledgeBase();
            Vocabulary vocabulary = kb.reference().vocabulary();
            Map<String, SeriesBuilder> series = new LinkedHashMap<>();
            Map<String, List<StatusPoint>> patterns = new LinkedHashMap<>();
            for (Screening s : screenings) {
                ScreeningRequest request = read(s.requestJson, ScreeningRequest.class);
                Instant at = s.screened();
                for (ScreeningRequest.Observation o : request.observationsOrEmpty()) {
                    if (o.measurement() != null) {
                        Optional<Vocabulary.PostureCode> v = vocabulary.postureCode(o.code());
                        String label = v.map(p -> p.measurement() != null ? p.measurement().label() : p.label()).orElse(o.code());
                        add(series, "observation", o.code(), o.side(), null, label, o.measurement(), s.id, at);
                    }
                }
                for (ScreeningRequest.MuscleLength m : request.muscleLengthOrEmpty()) {
                    if (m.measurement() != null) {
                        String label = vocabulary.muscle(m.muscle()).map(c -> c.label() + (c.measurement() == null ? "" : ": " + c.measurement().label()))
                                .orElse(m.muscle());
                        add(series, "muscleLength", m.muscle(), m.side(), null, label, m.measurement(), s.id, at);
                    }
                }
                for (ScreeningRequest.Movement m : request.movementPatternsOrEmpty()) {
                    if (m.measurement() != null) {
                        String label = vocabulary.movementTest(m.test()).map(c -> c.name() + (c.measurement() == null ? "" : ": " + c.measurement().label()))
                                .orElse(m.test());
                        add(series, "movement", m.test(), m.side(), null, label, m.measurement(), s.id, at);
                    }
                }
                for (ScreeningRequest.Symptom sy : request.symptomsOrEmpty()) {
                    if (sy.nrs() != null) {
                        String region = vocabulary.symptoms() == null ? sy.region()
                                : Vocabulary.find(vocabulary.symptoms().regions(), sy.region()).map(Vocabulary.Code::label).orElse(sy.region());
                        String kind = vocabulary.symptoms() == null ? sy.kind()
                                : Vocabulary.find(vocabulary.symptoms().kinds(), sy.kind()).map(Vocabulary.Code::label).orElse(sy.kind());
                        add(series, "symptom", sy.region(), null, sy.kind(), region + " " + kind + " (NRS)",
                                new ScreeningRequest.Measurement(sy.nrs().doubleValue(), NRS_UNIT), s.id, at);
                    }
                }
                summary(s).patterns().forEach((code, status) ->
                        patterns.computeIfAbsent(code, k -> new ArrayList<>()).add(new StatusPoint(s.id, at, status)));
            }
            List<Series> out = series.values().stream().map(b -> new Series(b.kind, b.code, b.side, b.qualifier, b.label, b.unit,
                    thresholds(kb, b.kind, b.code, b.unit), List.copyOf(b.points))).toList();
            List<PatternSeries> statuses = patterns.entrySet().stream().map(e -> new PatternSeries(e.getKey(),
                    kb.reference().pattern(e.getKey()).map(PatternDefinition::getName).orElse(e.getKey()), List.copyOf(e.getValue()))).toList();
            store.auditClientRead(AuditEvent.CLIENT_HISTORY, clientRef, screenings.size() + " screening(s) charted");
            return new ClientHistory(clientRef, kb.version(), out, statuses);
        }
    }

    /**
     * The unit of a symptom's NRS, as the reference data writes it (the threshold of severe pain): a request
     * carries NRS as a bare number.
     */
    static final String NRS_UNIT = "NRS";

    private static final Map<String, String> FACT_TYPES = Map.of("observation", "PostureObservation", "muscleLength", "MuscleLengthTest",
            "movement", "MovementTest", "symptom", "Symptom");

    /** The thresholds the rules compare a measured code with (the knowledge base's {@link io.crosscheck.engine.ThresholdUses}). */
    public static List<ThresholdLine> thresholds(KnowledgeBase kb, String kind, String code, String unit) {
        return kb.thresholdUses().of(FACT_TYPES.get(kind), code, unit).stream().map(u -> {
            Threshold t = u.threshold();
            return new ThresholdLine(t.getId(), t.getLabel(), t.getComparator(), t.getValue(), t.getUnit(), t.getNote(),
                    u.rules().stream().map(r -> new ThresholdRule(r.id(), r.name())).toList());
        }).toList();
    }

    private static final class SeriesBuilder {
        final String kind, code, side, qualifier, label, unit;
        final List<Point> points = new ArrayList<>();

        SeriesBuilder(String kind, String code, String side, String qualifier, String label, String unit) {
            this.kind = kind;
            this.code = code;
            this.side = side;
            this.qualifier = qualifier;
            this.label = label;
            this.unit = unit;
        }
    }

    private static void add(Map<String, SeriesBuilder> series, String kind, String code, String side, String qualifier, String label,
                            ScreeningRequest.Measurement m, UUID id, Instant at) {
        String key = String.join("|", kind, code, String.valueOf(side), String.valueOf(qualifier), m.unit());
        series.computeIfAbsent(key, k -> new SeriesBuilder(kind, code, side, qualifier, label, m.unit())).points.add(new Point(id, at, m.value()));
    }

    private static Chips chips(ScreeningSummary now, ScreeningSummary before) {
        Chip referral = new Chip(now.referral(), before == null ? ScreeningSummary.NONE
                : ScreeningSummary.referralTrend(now.referral(), before.referral()));
        List<PatternChip> patterns = new ArrayList<>();
        now.patterns().forEach((code, status) -> patterns.add(new PatternChip(code, status,
                before == null ? ScreeningSummary.NONE : ScreeningSummary.patternTrend(status, before.patterns().get(code)))));
        return new Chips(referral, patterns);
    }

    private ScreeningSummary summary(ScreeningRow r) {
        ScreeningSummary s = ScreeningSummary.of(r.referralUrgency(), r.patternStatus());
        return s != null ? s : ScreeningSummary.of(read(store.resultJson(r.id()), JsonNode.class));
    }

    private ScreeningSummary summary(Screening r) {
        ScreeningSummary s = ScreeningSummary.of(r.referralUrgency, r.patternStatus);
        return s != null ? s : ScreeningSummary.of(read(r.resultJson, JsonNode.class));
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<FieldError> paging(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 1) {
            errors.add(new FieldError("page", "must be 1 or more", page));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be 1-" + MAX_SIZE, size));
        }
        return errors;
    }

    private static void checkRef(String clientRef, Collection<FieldError> errors) {
        if (clientRef == null || !CLIENT_REF.matcher(clientRef).matches()) {
            errors.add(new FieldError("clientRef", ScreeningRequest.CLIENT_REF_RULE));
        }
    }
}
