package io.crosscheck.engine.facts;

/** An indicated intervention that a safety gate withholds. */
public final class Withheld implements Conclusion {
    private final InterventionIndication indication;

    public Withheld(InterventionIndication indication) {
        this.indication = indication;
    }

    public InterventionIndication getIndication() { return indication; }
    public String getInterventionId() { return indication.getInterventionId(); }

    @Override
    public String describe() {
        return "withhold " + indication.getIntervention().getName();
    }
}
