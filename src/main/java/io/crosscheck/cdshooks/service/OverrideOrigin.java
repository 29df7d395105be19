package io.crosscheck.cdshooks.service;

import io.crosscheck.authoring.cornerstone.Cornerstone;
import io.crosscheck.authoring.cornerstone.CornerstoneOrigin;
import io.crosscheck.cdshooks.store.CardFeedback;
import io.crosscheck.cdshooks.store.IssuedCard;
import io.crosscheck.screening.service.ScreeningStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A CDS card overridden with its reason as the origin of a cornerstone case (issue 28): the feedback of the caller's
 * clinic, the card it was given on (the rules the card rests on) and the screening that card came from. What the
 * clinician expected is the card not being right for this client, with the coded override reason; the clinician's
 * free-text comment is not taken. Accepted cards are no origin.
 */
@ApplicationScoped
public class OverrideOrigin implements CornerstoneOrigin {

    private final ScreeningStore screenings;

    OverrideOrigin(ScreeningStore screenings) {
        this.screenings = screenings;
    }

    @Override
    public String kind() {
        return Cornerstone.OVERRIDE;
    }

    @Override
    @Transactional
    public Optional<Found> find(UUID id) {
        CardFeedback f = CardFeedback.findById(id);
        if (f == null || !"overridden".equals(f.outcome) || !f.clinicId.equals(screenings.clinic())) {
            return Optional.empty();
        }
        IssuedCard card = IssuedCard.<IssuedCard>find("cardUuid = ?1 and clinicId = ?2", f.cardUuid, f.clinicId)
                .firstResultOptional()
                .orElse(null);
        if (card == null) {
            return Optional.empty();
        }
        List<String> rules = card.ruleIds == null || card.ruleIds.isBlank()
                ? List.of(card.ruleId)
                : Arrays.stream(card.ruleIds.trim().split("\\s+")).toList();
        String reason = f.reasonDisplay != null ? f.reasonDisplay : f.reasonCode;
        String expected =
                "the " + card.kind + " card (" + card.ruleId + ") overridden" + (reason == null ? "" : ": " + reason);
        return screenings
                .find(card.screeningId)
                .map(s -> new Found(s, rules, expected, "EHR client " + f.ehrClient, f.outcomeAt, reason));
    }
}
