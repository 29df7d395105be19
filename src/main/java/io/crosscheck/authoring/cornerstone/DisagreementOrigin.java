package io.crosscheck.authoring.cornerstone;

import io.crosscheck.screening.service.ScreeningStore;
import io.crosscheck.screening.store.Disagreement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A physiotherapist's disagreement as the origin of a cornerstone case: the rule it names, what they expected, who
 * and when; its screening read from the caller's clinic (a disagreement of another clinic is not found).
 */
@ApplicationScoped
public class DisagreementOrigin implements CornerstoneOrigin {

    private final ScreeningStore screenings;

    DisagreementOrigin(ScreeningStore screenings) {
        this.screenings = screenings;
    }

    @Override
    public String kind() {
        return Cornerstone.DISAGREEMENT;
    }

    @Override
    @Transactional
    public Optional<Found> find(UUID id) {
        Disagreement d = Disagreement.findById(id);
        if (d == null || !d.clinicId.equals(screenings.clinic())) {
            return Optional.empty();
        }
        return screenings
                .find(d.screeningId)
                .map(s -> new Found(s, List.of(d.ruleId), d.expected, d.username, d.createdAt, null));
    }
}
