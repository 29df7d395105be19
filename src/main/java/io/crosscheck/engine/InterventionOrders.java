package io.crosscheck.engine;

import io.crosscheck.engine.input.Coding;
import java.util.Map;
import java.util.Optional;

/**
 * How the plan is written as orders an EHR can act on, from {@code rules/reference/interventions.yaml}
 * ({@code fhir:}): for each catalogue intervention what is done (a procedure code), the kind of request (its
 * category) and who performs it (an occupation code, or a text where no code fits); the referral for medical
 * assessment that a red flag or a health-screen warning sign raises; and the exercise programme of a card
 * suggestion (the plan as one request). Every intervention of the catalogue has one: the knowledge base does not
 * load otherwise.
 */
public record InterventionOrders(
        Order programme, Order referral, Map<String, Order> byIntervention, Map<String, Order> byCategory) {

    /** No orders (reference data built without them, e.g. in rule-compiler tests). */
    public static final InterventionOrders NONE = new InterventionOrders(null, null, Map.of(), Map.of());

    public InterventionOrders {
        byIntervention = Map.copyOf(byIntervention);
        byCategory = Map.copyOf(byCategory);
    }

    /**
     * One kind of order: the procedure ({@code code}), the request category, and the performer as a code or, when no
     * code fits, as a text ({@code performerText}; both may be given).
     */
    public record Order(Coding code, Coding category, Coding performer, String performerText) {}

    /** The order of a catalogue intervention. */
    public Optional<Order> of(String interventionId) {
        return Optional.ofNullable(byIntervention.get(interventionId));
    }

    /**
     * The order of an intervention of a result: its own, else its category's (an intervention a later knowledge base
     * no longer has, in a screening stored before), else the exercise programme's.
     */
    public Optional<Order> of(String interventionId, String category) {
        return of(interventionId)
                .or(() -> Optional.ofNullable(category == null ? null : byCategory.get(category)))
                .or(() -> Optional.ofNullable(programme));
    }
}
