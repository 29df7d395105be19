package io.crosscheck.engine.facts;

/**
 * A plan item that an unanswered health-screen question could change (the question's domain affects
 * something the item involves): the item stays, marked as depending on the answer.
 */
public final class DependsOn implements Conclusion {
    private final InterventionIndication indication;
    private final String question;
    private final String label;

    public DependsOn(InterventionIndication indication, UnansweredHealthQuestion question) {
        this.indication = indication;
        this.question = question.getCode();
        this.label = question.getLabel();
    }

    public InterventionIndication getIndication() {
        return indication;
    }

    public String getInterventionId() {
        return indication.getInterventionId();
    }

    public String getQuestion() {
        return question;
    }

    public String getLabel() {
        return label;
    }

    @Override
    public String describe() {
        return indication.getIntervention().getName() + " depends on an unanswered question: " + label;
    }
}
