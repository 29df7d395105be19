package io.crosscheck.screening.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.json.Json;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ClientScreening;
import io.crosscheck.screening.model.ClientSummary;
import io.crosscheck.screening.model.Page;
import io.crosscheck.screening.service.ClientStore.ClientRow;
import jakarta.enterprise.inject.Vetoed;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The client list and a client's screenings, straight from {@link ClientService} over an in-memory store (no HTTP,
 * no database): validation, paging, chips with their trends, rows stored before the summary columns, and the audit.
 * The history for charts is {@link ClientHistoryAssemblerTest}'s.
 */
class ClientServiceTest {

    final FakeStore store = new FakeStore();
    final ClientService service =
            new ClientService(store, null, Json.newMapper(), new StoredDocuments(Json.newMapper(), null, null));

    @Test
    void theClientListShowsEachClientsLatestChipsWithTheTrendAgainstTheirPreviousScreening() {
        ScreeningRow worse = row("client-a", 2, "urgent", "UCS=consistent,LCS=partial");
        ScreeningRow before = row("client-a", 1, "none", "UCS=partial,LCS=partial");
        ScreeningRow only = row("client-b", 3, "none", "UCS=insufficient");
        store.clients = List.of(
                new ClientRow("client-b", 1, only.createdAt()), new ClientRow("client-a", 2, worse.createdAt()));
        store.latest = List.of(only, worse, before);
        store.clientCount = 7;

        Page<ClientSummary> page = service.clients("client", 1, 2);

        assertThat(page.total()).isEqualTo(7);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.items()).extracting(ClientSummary::clientRef).containsExactly("client-b", "client-a");
        ClientSummary a = page.items().get(1);
        assertThat(a.lastScreeningId()).isEqualTo(worse.id());
        assertThat(a.screenings()).isEqualTo(2);
        assertThat(a.chips().referral().status()).isEqualTo("urgent");
        assertThat(a.chips().referral().trend()).as("a new referral").isEqualTo("worse");
        assertThat(a.chips().patterns())
                .extracting(p -> p.code() + " " + p.status() + " " + p.trend())
                .containsExactly("UCS consistent worse", "LCS partial same");
        assertThat(page.items().get(0).chips().referral().trend())
                .as("a first screening has no trend")
                .isEqualTo("none");
        assertThat(store.asked).contains("clients q=client page=0 size=2");
    }

    @Test
    void aBadQueryPageOrSizeIsRefusedNamingEachParameterBeforeAnyQuery() {
        assertThatThrownBy(() -> service.clients("no spaces!", 0, ClientService.MAX_SIZE + 1))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("q", "page", "size");
                });
        assertThatThrownBy(() -> service.screenings("not a pseudonym", 1, 20))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("clientRef"));
        assertThat(store.asked).isEmpty();
    }

    @Test
    void aPagesLastScreeningIsComparedWithTheFirstOfTheNextPage() {
        ScreeningRow third = row("client-a", 3, "none", "LCS=consistent");
        ScreeningRow second = row("client-a", 2, "none", "LCS=partial");
        ScreeningRow first = row("client-a", 1, "none", "LCS=partial");
        store.ofClientCount = 3;
        store.ofClient = List.of(third, second, first);

        Page<ClientScreening> page = service.screenings("client-a", 1, 2);

        assertThat(store.asked).contains("latestOfClient client-a first=0 max=3");
        assertThat(page.items()).extracting(ClientScreening::id).containsExactly(third.id(), second.id());
        assertThat(page.items())
                .extracting(s -> s.chips().patterns().get(0).trend())
                .containsExactly("worse", "same");
        assertThat(page.items().get(0).amendment().version()).isEqualTo(1);
        assertThat(page.items().get(0).amendment().chainId()).isEqualTo(third.id());
    }

    @Test
    void readingAClientsScreeningsIsAuditedWithHowManyWereListed() {
        store.ofClientCount = 1;
        store.ofClient = List.of(row("client-a", 1, "none", "UCS=partial"));

        service.screenings("client-a", 1, 20);

        assertThat(store.audited).containsExactly(AuditEvent.CLIENT_READ + " client-a 1 screening(s) listed");
    }

    @Test
    void aClientWithoutScreeningsInTheCallersClinicIsNotFoundAndNothingIsAudited() {
        store.ofClientCount = 0;

        assertThatThrownBy(() -> service.screenings("client-elsewhere", 1, 20)).isInstanceOf(NotFoundException.class);
        assertThat(store.audited).isEmpty();
    }

    @Test
    void rowsStoredBeforeTheSummaryColumnsAreSummarisedFromTheirStoredResult() {
        ScreeningRow legacy = row("client-a", 1, null, null);
        store.ofClientCount = 1;
        store.ofClient = List.of(legacy);
        store.results.put(legacy.id(), """
                {"redFlags": {"referral": true, "urgency": "emergency"},
                 "patterns": [{"code": "UCS", "status": "partial"}, {"code": "LCS", "status": "consistent"}]}""");

        ClientScreening s = service.screenings("client-a", 1, 20).items().get(0);

        assertThat(s.chips().referral().status()).isEqualTo("emergency");
        assertThat(s.chips().patterns())
                .extracting(p -> p.code() + "=" + p.status())
                .containsExactly("UCS=partial", "LCS=consistent");
    }

    // ---- an in-memory store of the caller's clinic ----

    private static ScreeningRow row(String client, int minute, String referral, String patterns) {
        Instant at = Instant.parse("2026-01-01T10:00:00Z").plusSeconds(60L * minute);
        return new ScreeningRow(
                UUID.randomUUID(), client, at, null, "kb-1", null, null, null, null, "physio", referral, patterns);
    }

    /** Not a bean: the service's tests (Quarkus indexes test classes too) keep the real store. */
    @Vetoed
    static final class FakeStore extends ClientStore {
        List<ClientRow> clients = List.of();
        List<ScreeningRow> latest = List.of();
        long clientCount;
        long ofClientCount;
        List<ScreeningRow> ofClient = List.of();
        final Map<UUID, String> results = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        final List<String> audited = new ArrayList<>();

        FakeStore() {
            super(null, null);
        }

        @Override
        public long countClients(String q) {
            asked.add("countClients q=" + q);
            return clientCount;
        }

        @Override
        public List<ClientRow> clients(String q, int page, int size) {
            asked.add("clients q=" + q + " page=" + page + " size=" + size);
            return clients;
        }

        @Override
        public List<ScreeningRow> latestOfClients(Collection<String> clientRefs) {
            asked.add("latestOfClients " + clientRefs);
            return latest.stream()
                    .filter(r -> clientRefs.contains(r.clientRef()))
                    .toList();
        }

        @Override
        public long countOfClient(String clientRef) {
            asked.add("countOfClient " + clientRef);
            return ofClientCount;
        }

        @Override
        public List<ScreeningRow> latestOfClient(String clientRef, int first, int max) {
            asked.add("latestOfClient " + clientRef + " first=" + first + " max=" + max);
            return ofClient.stream().skip(first).limit(max).toList();
        }

        @Override
        public Screening documents(UUID id) {
            // a row stored before V103 (and before summaries): its result as JSON text
            Screening s = new Screening();
            s.id = id;
            s.resultJson = results.get(id);
            return s;
        }

        @Override
        public void auditClientRead(String action, String clientRef, String detail) {
            audited.add(action + " " + clientRef + " " + detail);
        }
    }
}
