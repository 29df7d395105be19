package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * A plan item that an unanswered health-screen question could change (the question's domain affects
 * something the item involves): the item stays, marked as depending on the answer.
 */
@FactDoc(
        value =
                "A plan item that an unanswered health-screen question could change: the item stays, marked as depending on the answer.",
        example = "$d : DependsOn( interventionId == \"hip_flexor_stretch\" )")
public final class DependsOn implements Conclusion {
    private final InterventionIndication indication;
    private final String question;
    private final String label;

    public DependsOn(InterventionIndication indication, UnansweredHealthQuestion question) {
        this.indication = indication;
        this.question = question.getCode();
        this.label = question.getLabel();
    }

    @FactDoc("The indication of the plan item that depends on the answer.")
    public InterventionIndication getIndication() {
        return indication;
    }

    @FactDoc(value = "The intervention that depends on the answer.", codes = Codes.INTERVENTIONS)
    public String getInterventionId() {
        return indication.getInterventionId();
    }

    @FactDoc(value = "The unanswered health-screen question's code.", codes = Codes.HEALTH_INPUTS)
    public String getQuestion() {
        return question;
    }

    @FactDoc("The question in words.")
    public String getLabel() {
        return label;
    }

    @Override
    public String describe() {
        return indication.getIntervention().getName() + " depends on an unanswered question: " + label;
    }
}
