package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** An indicated intervention that a safety gate withholds. */
@FactDoc(
        value =
                "An indicated intervention that a gate or tolerance rule withholds, with the reason (pending referral, irritable symptoms, a contraindicating condition).",
        example =
                "$indication : InterventionIndication( interventionId == \"manual_therapy\" )\nnot Withheld( indication == $indication )")
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

    @FactDoc("The indication withheld.")
    public InterventionIndication getIndication() {
        return indication;
    }

    @FactDoc(value = "The intervention withheld.", codes = Codes.INTERVENTIONS)
    public String getInterventionId() {
        return indication.getInterventionId();
    }

    @FactDoc("Why, in words.")
    public String getReason() {
        return reason;
    }

    @Override
    public String describe() {
        return "withhold " + indication.getIntervention().getName() + ": " + reason;
    }
}
