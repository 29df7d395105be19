package io.crosscheck.screening.service;

import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.screening.ClientLanguage;
import io.crosscheck.screening.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The language each client's take-home sheet is printed in (English unless set), per client of the caller's clinic.
 * Setting it is audited ({@code client.language}, the client named as in {@code client.read}, the old and the new
 * language in the detail); it is exported and erased with the client ({@link ClientPrivacy}).
 */
@ApplicationScoped
public class ClientLanguages {

    /** The languages the take-home sheet is written in; the first is every client's until another is set. */
    public static final List<String> SUPPORTED = List.of("en", "es");

    private final ClientStore store;
    private final Caller caller;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clock.systemUTC();

    ClientLanguages(ClientStore store, Caller caller, Event<AuditEvent> audit) {
        this.store = store;
        this.caller = caller;
        this.audit = audit;
    }

    /** The language of a client of the caller's clinic (English unless set); 404 for a client without screenings. */
    @Transactional
    public String of(String clientRef) {
        requireClient(clientRef);
        return stored(store.clinic(), clientRef).orElse(SUPPORTED.get(0));
    }

    /** The language of the client a screening of the caller's clinic was made for (English unless set). */
    @Transactional
    public String ofScreening(UUID screening) {
        String clinic = store.clinic();
        return Screening.<Screening>find("id = ?1 and clinicId = ?2", screening, clinic)
                .firstResultOptional()
                .filter(s -> s.clientRef != null)
                .flatMap(s -> stored(clinic, s.clientRef))
                .orElse(SUPPORTED.get(0));
    }

    /**
     * Sets a client's language: one of {@link #SUPPORTED}, else a 422 naming {@code /language}; 404 for a client
     * without screenings in the caller's clinic. Audited when it changes.
     */
    @Transactional
    public String set(String clientRef, String language) {
        if (language == null || !SUPPORTED.contains(language)) {
            throw new InvalidRequestException(
                    422, List.of(new FieldError("/language", "must be one of " + String.join(", ", SUPPORTED))));
        }
        requireClient(clientRef);
        String clinic = store.clinic();
        ClientLanguage row = ClientLanguage.of(clinic, clientRef).orElse(null);
        String before = row == null ? SUPPORTED.get(0) : row.language;
        if (row == null) {
            row = new ClientLanguage();
            row.id = UUID.randomUUID();
            row.clinicId = clinic;
            row.clientRef = clientRef;
        }
        row.language = language;
        row.setBy = caller.name();
        row.setAt = clock.instant();
        row.persist();
        if (!before.equals(language)) {
            store.auditClientRead(AuditEvent.CLIENT_LANGUAGE, clientRef, before + " -> " + language);
        }
        return language;
    }

    /** Sets the language of the client a screening of the caller's clinic was made for; 404 without one. */
    @Transactional
    public String setForScreening(UUID screening, String language) {
        String clientRef = Screening.<Screening>find("id = ?1 and clinicId = ?2", screening, store.clinic())
                .firstResultOptional()
                .map(s -> s.clientRef)
                .orElseThrow(NotFoundException::new);
        return set(clientRef, language);
    }

    /** The stored language of a client of a clinic, if set (for a caller that has read the screening already). */
    public static Optional<String> stored(Screening s) {
        return s.clientRef == null ? Optional.empty() : stored(s.clinicId, s.clientRef);
    }

    private static Optional<String> stored(String clinic, String clientRef) {
        return ClientLanguage.of(clinic, clientRef).map(l -> l.language).filter(SUPPORTED::contains);
    }

    private void requireClient(String clientRef) {
        if (clientRef == null || store.ofClient(clientRef).isEmpty()) {
            throw new NotFoundException();
        }
    }

    /** The client's language row as exported. */
    public record Export(String clientRef, String language, String setBy, java.time.Instant setAt) {}
}
