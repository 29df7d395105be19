package io.crosscheck.engine.facts;

/** One reason to recommend one catalogue intervention. The plan merges indications by intervention. */
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

    public InterventionDefinition getIntervention() {
        return intervention;
    }

    public String getInterventionId() {
        return intervention.getId();
    }

    public boolean isExercise() {
        return intervention.isExercise();
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String describe() {
        return "recommend " + intervention.getName() + " for " + reason;
    }
}
