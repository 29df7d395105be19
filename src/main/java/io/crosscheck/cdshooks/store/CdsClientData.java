package io.crosscheck.cdshooks.store;

import io.crosscheck.screening.service.ClientDataHolder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client's CDS Hooks records for the privacy operations: the calls that created their screenings (with the cards
 * returned) and the clinicians' feedback on those cards, comments included. Erased with the client (the feedback
 * too, so a rule's feedback counts drop by the client's).
 */
@ApplicationScoped
public class CdsClientData implements ClientDataHolder {

    /** A CDS Hooks call behind one of the client's screenings, and the cards it returned. */
    public record InvocationExport(
            UUID screeningId,
            String serviceId,
            String hook,
            String hookInstance,
            String ehrClient,
            Instant at,
            List<CardExport> cards) {}

    public record CardExport(String uuid, String kind, String ruleId) {}

    /** Feedback on one of the client's cards. */
    public record FeedbackExport(
            UUID id,
            String card,
            String ruleId,
            String serviceId,
            String ehrClient,
            String outcome,
            String reasonCode,
            String reasonDisplay,
            String userComment,
            String acceptedSuggestions,
            Instant outcomeAt,
            Instant receivedAt) {
        static FeedbackExport of(CardFeedback f) {
            return new FeedbackExport(
                    f.id,
                    f.cardUuid,
                    f.ruleId,
                    f.serviceId,
                    f.ehrClient,
                    f.outcome,
                    f.reasonCode,
                    f.reasonDisplay,
                    f.userComment,
                    f.accepted,
                    f.outcomeAt,
                    f.receivedAt);
        }
    }

    @Override
    public Map<String, List<?>> export(String clinic, String clientRef, List<UUID> screeningIds) {
        if (screeningIds.isEmpty()) {
            return Map.of("cdsInvocations", List.of(), "cdsFeedback", List.of());
        }
        List<IssuedCard> cards = cards(clinic, screeningIds);
        List<InvocationExport> invocations = CdsInvocation.<CdsInvocation>find(
                        "clinicId = ?1 and screeningId in ?2 order by createdAt", clinic, screeningIds)
                .stream()
                .map(i -> new InvocationExport(
                        i.screeningId,
                        i.serviceId,
                        i.hook,
                        i.hookInstance,
                        i.ehrClient,
                        i.createdAt,
                        cards.stream()
                                .filter(c -> c.screeningId.equals(i.screeningId))
                                .map(c -> new CardExport(c.cardUuid, c.kind, c.ruleId))
                                .toList()))
                .toList();
        List<FeedbackExport> feedback =
                feedback(clinic, cards).stream().map(FeedbackExport::of).toList();
        return Map.of("cdsInvocations", invocations, "cdsFeedback", feedback);
    }

    @Override
    public void erase(String clinic, String clientRef, List<UUID> screeningIds) {
        if (screeningIds.isEmpty()) {
            return;
        }
        List<String> uuids =
                cards(clinic, screeningIds).stream().map(c -> c.cardUuid).toList();
        if (!uuids.isEmpty()) {
            CardFeedback.delete("clinicId = ?1 and cardUuid in ?2", clinic, uuids);
        }
        IssuedCard.delete("clinicId = ?1 and screeningId in ?2", clinic, screeningIds);
        CdsInvocation.delete("clinicId = ?1 and screeningId in ?2", clinic, screeningIds);
    }

    private static List<IssuedCard> cards(String clinic, List<UUID> screeningIds) {
        return IssuedCard.<IssuedCard>find("clinicId = ?1 and screeningId in ?2", clinic, screeningIds)
                .list();
    }

    private static List<CardFeedback> feedback(String clinic, List<IssuedCard> cards) {
        if (cards.isEmpty()) {
            return List.of();
        }
        return CardFeedback.<CardFeedback>find(
                        "clinicId = ?1 and cardUuid in ?2 order by receivedAt, id",
                        clinic,
                        cards.stream().map(c -> c.cardUuid).toList())
                .list();
    }
}
