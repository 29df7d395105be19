package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import io.crosscheck.engine.input.InputDefinition;

/**
 * An outcome measure the server scored from the request's items ({@code rules/reference/outcome-measures.yaml}), with
 * the score of the previous visit when there was one. {@code improvement} is signed so that a positive number is
 * better whichever way the measure improves.
 */
@FactDoc(
        value =
                "An outcome measure scored by the server from the request's items (pain NRS, PSFS, ODI, NDI), with the previous visit's score when there was one (FUP- rules).",
        example = "$pain : OutcomeScore( measure == \"pain_nrs\", previousScore != null, score > previousScore )")
public final class OutcomeScore implements InputFact {
    private final String ref;
    private final String measure;
    private final String shortName;
    private final String unit;
    private final double score;
    private final Double previousScore;
    private final Double improvement;
    private final double mcid;

    public OutcomeScore(
            String ref,
            String measure,
            String shortName,
            String unit,
            double score,
            Double previousScore,
            Double improvement,
            double mcid) {
        this.ref = ref;
        this.measure = measure;
        this.shortName = shortName;
        this.unit = unit;
        this.score = score;
        this.previousScore = previousScore;
        this.improvement = improvement;
        this.mcid = mcid;
    }

    @Override
    public String getRef() {
        return ref;
    }

    @FactDoc(value = "The measure's code.", codes = Codes.OUTCOME_MEASURES)
    public String getMeasure() {
        return measure;
    }

    @FactDoc("The score, in the measure's unit (NRS 0-10, PSFS mean 0-10, ODI and NDI 0-100).")
    public double getScore() {
        return score;
    }

    @FactDoc(
            "The previous visit's score of the same measure; null without one (compare only after `previousScore != null`).")
    public Double getPreviousScore() {
        return previousScore;
    }

    @FactDoc(
            "The change since the previous visit, positive when better whichever way the measure improves; null without a previous score.")
    public Double getImprovement() {
        return improvement;
    }

    @FactDoc("The measure's minimal clinically important difference, in its unit.")
    public double getMcid() {
        return mcid;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(shortName).append(' ').append(InputDefinition.plain(score));
        if (!"0-10".equals(unit)) {
            s.append(unit.equals("%") ? "%" : " " + unit);
        } else {
            s.append("/10");
        }
        if (previousScore != null) {
            s.append(" (previous visit ")
                    .append(InputDefinition.plain(previousScore))
                    .append(')');
        }
        return s.toString();
    }
}
