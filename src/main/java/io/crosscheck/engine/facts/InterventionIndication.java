package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** One reason to recommend one catalogue intervention. The plan merges indications by intervention. */
@FactDoc(
        value =
                "One reason to recommend one catalogue intervention (INT- rules). The plan merges indications by intervention. Created as `new InterventionIndication( $intervention, $because )` with the fact (or the reason in words) it is indicated for.",
        example = "$indication : InterventionIndication( intervention.loading )")
public final class InterventionIndication implements Conclusion {
    private final InterventionDefinition intervention;
    private final String reason;

    public InterventionIndication(InterventionDefinition intervention, String reason) {
        this.intervention = intervention;
        this.reason = reason;
    }

    public InterventionIndication(InterventionDefinition intervention, Fact because) {
        this(intervention, because.describe());
    }

    @FactDoc("The catalogue entry recommended.")
    public InterventionDefinition getIntervention() {
        return intervention;
    }

    @FactDoc(value = "Its id.", codes = Codes.INTERVENTIONS)
    public String getInterventionId() {
        return intervention.getId();
    }

    @FactDoc("Whether the intervention is exercise.")
    public boolean isExercise() {
        return intervention.isExercise();
    }

    @FactDoc("Why it is recommended, in words (the fact it was indicated for).")
    public String getReason() {
        return reason;
    }

    @Override
    public String describe() {
        return "recommend " + intervention.getName() + " for " + reason;
    }
}
