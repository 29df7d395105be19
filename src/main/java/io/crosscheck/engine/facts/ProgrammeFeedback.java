package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * What the client reports at a follow-up about one exercise of the previous visit's home programme: how often they did
 * it and how they tolerated it ({@code rules/reference/outcome-measures.yaml}, {@code followUp}).
 */
@FactDoc(
        value =
                "What the client reports at a follow-up about one exercise of the previous home programme: how often it was done and how it was tolerated (FUP- rules).",
        example = "$f : ProgrammeFeedback( tolerance == \"worse\" )")
public final class ProgrammeFeedback implements InputFact {
    private final String ref;
    private final String interventionId;
    private final String interventionName;
    private final String done;
    private final String doneLabel;
    private final String tolerance;
    private final String toleranceLabel;

    public ProgrammeFeedback(
            String ref,
            String interventionId,
            String interventionName,
            String done,
            String doneLabel,
            String tolerance,
            String toleranceLabel) {
        this.ref = ref;
        this.interventionId = interventionId;
        this.interventionName = interventionName;
        this.done = done;
        this.doneLabel = doneLabel;
        this.tolerance = tolerance;
        this.toleranceLabel = toleranceLabel;
    }

    @Override
    public String getRef() {
        return ref;
    }

    @FactDoc(value = "The catalogue id of the home exercise.", codes = Codes.INTERVENTIONS)
    public String getInterventionId() {
        return interventionId;
    }

    @FactDoc("The exercise's name in the catalogue.")
    public String getInterventionName() {
        return interventionName;
    }

    @FactDoc(value = "How often the client did it; null when not recorded.", codes = Codes.FOLLOW_UP_DONE)
    public String getDone() {
        return done;
    }

    @FactDoc(value = "How the client tolerated it; null when not recorded.", codes = Codes.FOLLOW_UP_TOLERANCE)
    public String getTolerance() {
        return tolerance;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(interventionName).append(" at home");
        if (doneLabel != null) {
            s.append(": done ").append(doneLabel.toLowerCase());
        }
        if (toleranceLabel != null) {
            s.append(doneLabel != null ? "; " : ": ").append("tolerated ").append(toleranceLabel.toLowerCase());
        }
        return s.toString();
    }
}
