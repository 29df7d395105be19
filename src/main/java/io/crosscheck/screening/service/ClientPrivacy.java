package io.crosscheck.screening.service;

import io.crosscheck.screening.ClientLanguage;
import io.crosscheck.screening.HomeProgrammeEdit;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.store.Disagreement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything stored about one client of the caller's clinic, for the privacy export and the erasure: the screenings
 * (every version, with amendment reasons), the disagreements recorded on them, the sheet's edits and the client's
 * sheet language, and what the features above keep
 * about the client ({@link ClientDataHolder}: CDS Hooks calls and card feedback, replay jobs).
 */
@ApplicationScoped
public class ClientPrivacy {

    /** A disagreement as exported: the physiotherapist's free text included. */
    public record DisagreementExport(
            UUID id,
            UUID screeningId,
            String ruleId,
            String conclusionId,
            String kbVersion,
            String expected,
            String comment,
            String user,
            Instant at) {
        static DisagreementExport of(Disagreement d) {
            return new DisagreementExport(
                    d.id,
                    d.screeningId,
                    d.ruleId,
                    d.conclusionId,
                    d.kbVersion,
                    d.expected,
                    d.comment,
                    d.username,
                    d.createdAt);
        }
    }

    /** A saved version of the take-home sheet's choice (items as saved, JSON) and the clinician's note. */
    public record HomeProgrammeEditExport(
            UUID screeningId, int version, String itemsJson, String note, String editedBy, Instant editedAt) {}

    /** The client's records other than the screenings themselves, by export section. */
    public record Parts(List<Screening> screenings, Map<String, List<?>> sections) {}

    private final ClientStore store;
    private final Instance<ClientDataHolder> holders;

    ClientPrivacy(ClientStore store, Instance<ClientDataHolder> holders) {
        this.store = store;
        this.holders = holders;
    }

    /** Every record of the client in the caller's clinic: screenings, disagreements, and each holder's sections. */
    @Transactional
    public Parts export(String clientRef) {
        String clinic = store.clinic();
        List<Screening> screenings = store.ofClient(clientRef);
        List<UUID> ids = screenings.stream().map(s -> s.id).toList();
        Map<String, List<?>> sections = new LinkedHashMap<>();
        sections.put(
                "disagreements",
                ids.isEmpty()
                        ? List.of()
                        : Disagreement.<Disagreement>find(
                                        "clinicId = ?1 and screeningId in ?2 order by createdAt, id", clinic, ids)
                                .stream()
                                .map(DisagreementExport::of)
                                .toList());
        sections.put(
                "homeProgrammeEdits",
                ids.isEmpty()
                        ? List.of()
                        : HomeProgrammeEdit.<HomeProgrammeEdit>find(
                                        "clinicId = ?1 and screeningId in ?2 order by editedAt, versionNo", clinic, ids)
                                .stream()
                                .map(e -> new HomeProgrammeEditExport(
                                        e.screeningId, e.versionNo, e.itemsJson, e.note, e.editedBy, e.editedAt))
                                .toList());
        sections.put(
                "sheetLanguage",
                ClientLanguage.<ClientLanguage>find("clinicId = ?1 and clientRef = ?2", clinic, clientRef).stream()
                        .map(l -> new ClientLanguages.Export(l.clientRef, l.language, l.setBy, l.setAt))
                        .toList());
        for (ClientDataHolder holder : holders) {
            sections.putAll(holder.export(clinic, clientRef, ids));
        }
        return new Parts(screenings, sections);
    }

    /** Erases every record of the client in the caller's clinic; returns how many screenings were deleted. */
    @Transactional
    public long erase(String clientRef) {
        String clinic = store.clinic();
        List<UUID> ids = store.ofClient(clientRef).stream().map(s -> s.id).toList();
        for (ClientDataHolder holder : holders) {
            holder.erase(clinic, clientRef, ids);
        }
        ClientLanguage.delete("clinicId = ?1 and clientRef = ?2", clinic, clientRef);
        if (!ids.isEmpty()) {
            Disagreement.delete("clinicId = ?1 and screeningId in ?2", clinic, ids);
            HomeProgrammeEdit.delete("clinicId = ?1 and screeningId in ?2", clinic, ids);
        }
        return Screening.delete("clientRef = ?1 and clinicId = ?2", clientRef, clinic);
    }
}
