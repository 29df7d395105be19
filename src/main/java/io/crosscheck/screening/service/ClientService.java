package io.crosscheck.screening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ClientHistory;
import io.crosscheck.screening.model.ClientScreening;
import io.crosscheck.screening.model.ClientSummary;
import io.crosscheck.screening.model.Page;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.service.ClientStore.ClientRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The clients of the caller's clinic for the web UI and {@code /api/v1/clients}: search by pseudonymous
 * reference, a client's screenings with status chips and trends ({@link ScreeningSummary#chips}), and a
 * client's history of measured values and pattern statuses for charts ({@link ClientHistoryAssembler}).
 * Only the latest version of each amendment chain counts. Every read is limited to the caller's clinic
 * ({@link ClientStore}) and audited. Methods return plain records and need no HTTP.
 */
@ApplicationScoped
public class ClientService {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    private static final Pattern CLIENT_REF = Pattern.compile(ScreeningRequest.CLIENT_REF);
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._:-]{0,64}");

    private final ClientStore store;
    private final KnowledgeBaseService knowledgeBases;
    private final ObjectMapper mapper;
    private final ClientHistoryAssembler histories;
    private final StoredDocuments documents;

    ClientService(
            ClientStore store, KnowledgeBaseService knowledgeBases, ObjectMapper mapper, StoredDocuments documents) {
        this.store = store;
        this.documents = documents;
        this.knowledgeBases = knowledgeBases;
        this.mapper = mapper;
        this.histories = new ClientHistoryAssembler(s -> read(s.request(), ScreeningRequest.class), this::summary);
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
        for (ScreeningRow r :
                store.latestOfClients(rows.stream().map(ClientRow::clientRef).toList())) {
            byClient.computeIfAbsent(r.clientRef(), k -> new ArrayList<>()).add(r);
        }
        List<ClientSummary> items = new ArrayList<>();
        for (ClientRow c : rows) {
            List<ScreeningRow> latest = byClient.getOrDefault(c.clientRef(), List.of());
            ScreeningRow last = latest.isEmpty() ? null : latest.get(0);
            ScreeningRow previous = latest.size() > 1 ? latest.get(1) : null;
            items.add(new ClientSummary(
                    c.clientRef(),
                    c.screenings(),
                    last == null ? null : last.id(),
                    c.lastScreenedAt(),
                    last == null ? null : summary(last).chips(previous == null ? null : summary(previous))));
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
            items.add(new ClientScreening(
                    r.id(),
                    r.screened(),
                    r.kbVersion(),
                    summary(r).chips(previous),
                    new ClientScreening.Amendment(r.chain(), r.version(), r.amendsId(), r.amendReason())));
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
            ClientHistory history = histories.history(clientRef, lease.knowledgeBase(), screenings);
            store.auditClientRead(AuditEvent.CLIENT_HISTORY, clientRef, screenings.size() + " screening(s) charted");
            return history;
        }
    }

    /** From the summary columns, else (rows stored before them) from the stored result. */
    private ScreeningSummary summary(ScreeningRow r) {
        ScreeningSummary s = ScreeningSummary.of(r.referralUrgency(), r.patternStatus());
        return s != null ? s : ScreeningSummary.of(documents.resultTree(store.documents(r.id())));
    }

    private ScreeningSummary summary(Screening r) {
        ScreeningSummary s = ScreeningSummary.of(r.referralUrgency, r.patternStatus);
        return s != null ? s : ScreeningSummary.of(documents.resultTree(r));
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
