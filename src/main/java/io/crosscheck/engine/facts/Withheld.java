package io.crosscheck.engine.facts;

/** An indicated intervention that a safety gate withholds. */
public final class Withheld implements Conclusion {
    public static final String REFERRAL_PENDING = "withheld until the referral has been dealt with";

    private final InterventionIndication indication;
    private final String reason;

    public Withheld(InterventionIndication indication) {
        this(indication, REFERRAL_PENDING);
    }

    /** Withheld for a stated reason (irritable symptoms, a contraindicating symptom, no symptoms). */
    public Withheld(InterventionIndication indication, String reason) {
        this.indication = indication;
        this.reason = reason;
    }

    public InterventionIndication getIndication() {
        return indication;
    }

    public String getInterventionId() {
        return indication.getInterventionId();
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String describe() {
        return "withhold " + indication.getIntervention().getName() + ": " + reason;
    }
}
