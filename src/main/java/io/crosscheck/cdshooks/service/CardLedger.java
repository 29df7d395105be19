package io.crosscheck.cdshooks.service;

import io.crosscheck.cdshooks.store.CardFeedback;
import io.crosscheck.cdshooks.store.CdsInvocation;
import io.crosscheck.cdshooks.store.IssuedCard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which of the cards built for a chart open are shown, by what was shown before (the cards stored in
 * {@code cds_card}): a card with the same content (fingerprint) already shown for the patient that day is not shown
 * again, except under the same {@code hookInstance} (a retry gets the cards it got, with their uuids) and except a
 * critical card no feedback was received on (an emergency referral stays in front of the clinician until acted on);
 * a card shown again keeps its first uuid and links to the screening it was first shown with. Only cards shown for
 * the first time are recorded, with the screening that produced them. Runs inside the caller's transaction.
 */
@ApplicationScoped
class CardLedger {

    /** The cards to answer with, the ones shown for the first time, and how many were left out as already shown. */
    record Sorted(List<CdsModel.Card> shown, List<CardBuilder.Issued> fresh, int suppressed) {}

    Sorted sort(
            List<CardBuilder.Issued> built,
            CardBuilder builder,
            String clinic,
            String clientRef,
            String issuer,
            String hookInstance,
            LocalDate today) {
        if (built.isEmpty()) {
            return new Sorted(List.of(), List.of(), 0);
        }
        Set<UUID> sameInstance = new HashSet<>(
                CdsInvocation.<CdsInvocation>find("ehrClient = ?1 and hookInstance = ?2", issuer, hookInstance).stream()
                        .map(i -> i.screeningId)
                        .toList());
        List<IssuedCard> earlier = IssuedCard.<IssuedCard>find(
                        "clinicId = ?1 and clientRef = ?2 and fingerprint in ?3 and (issuedOn = ?4 or screeningId in ?5)",
                        clinic,
                        clientRef,
                        built.stream().map(CardBuilder.Issued::fingerprint).toList(),
                        today,
                        sameInstance.isEmpty() ? List.of(new UUID(0, 0)) : sameInstance)
                .list();
        List<CdsModel.Card> shown = new ArrayList<>();
        List<CardBuilder.Issued> fresh = new ArrayList<>();
        int suppressed = 0;
        for (CardBuilder.Issued c : built) {
            IssuedCard first = earlier.stream()
                    .filter(e -> e.fingerprint.equals(c.fingerprint()))
                    .min(Comparator.comparing((IssuedCard e) -> !sameInstance.contains(e.screeningId)))
                    .orElse(null);
            if (first == null) {
                fresh.add(c);
                shown.add(c.card());
            } else if (sameInstance.contains(first.screeningId)
                    || ("critical".equals(c.card().indicator())
                            && CardFeedback.count("cardUuid", first.cardUuid) == 0)) {
                shown.add(c.card().reissued(first.cardUuid, builder.links(first.screeningId)));
            } else {
                suppressed++;
            }
        }
        return new Sorted(shown, fresh, suppressed);
    }

    /** Records the cards shown for the first time, with the screening they link to. */
    void record(List<CardBuilder.Issued> fresh, UUID screeningId, String clinic, String clientRef, LocalDate today) {
        for (CardBuilder.Issued c : fresh) {
            IssuedCard ic = new IssuedCard();
            ic.cardUuid = c.card().uuid();
            ic.screeningId = screeningId;
            ic.clinicId = clinic;
            ic.kind = c.kind();
            ic.ruleId = c.ruleId();
            ic.ruleIds = " " + String.join(" ", c.ruleIds()) + " ";
            ic.clientRef = clientRef;
            ic.issuedOn = today;
            ic.fingerprint = c.fingerprint();
            ic.persist();
        }
    }
}
