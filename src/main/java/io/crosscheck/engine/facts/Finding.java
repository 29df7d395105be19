package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** A clinical finding derived from one or more inputs, counted as evidence towards a pattern. */
@FactDoc(
        value =
                "A clinical finding a rule concluded from one or more inputs, counted as evidence towards a pattern. Created from its definition: `new Finding( $finding, $test.getSide() )`.",
        example = "$f : Finding( code == \"hip_flexors_short\", side == Side.LEFT )")
public final class Finding implements Conclusion {
    private final String code;
    private final String label;
    private final String pattern;
    private final String category;
    private final Side side;
    private final boolean clinicianRated;
    private final double weight;
    private final String countsAs;
    private final boolean supportive;

    public Finding(FindingDefinition definition, Side side) {
        this.code = definition.getCode();
        this.label = definition.getLabel();
        this.pattern = definition.getPattern();
        this.category = definition.getCategory();
        this.clinicianRated = definition.isClinicianRated();
        this.side = side;
        this.weight = definition.getWeight();
        this.countsAs = definition.getCountsAs();
        this.supportive = definition.isSupportive();
    }

    @FactDoc(value = "The finding's code.", codes = Codes.FINDINGS)
    public String getCode() {
        return code;
    }

    @FactDoc("The finding in words.")
    public String getLabel() {
        return label;
    }

    @FactDoc(value = "The pattern the finding counts towards.", codes = Codes.PATTERNS)
    public String getPattern() {
        return pattern;
    }

    @FactDoc(
            value = "Its evidence category (posture, muscle length, movement ...); patterns count categories.",
            codes = Codes.FINDING_CATEGORIES)
    public String getCategory() {
        return category;
    }

    @FactDoc("The side it was found on; null when the finding has no side.")
    public Side getSide() {
        return side;
    }

    @FactDoc("True when it rests on a clinician's rating whose criteria are uncertain (the result says so).")
    public boolean isClinicianRated() {
        return clinicianRated;
    }

    @FactDoc("How much it counts towards its pattern's grade: 1, 0.5 for low-quality items, 0 for inferred findings.")
    public double getWeight() {
        return weight;
    }

    @FactDoc(
            "Findings with the same key count once towards a pattern (one test counts once); the finding code by default.")
    public String getCountsAs() {
        return countsAs;
    }

    @FactDoc("A normal variant: supports a pattern but cannot make it consistent without a length or movement finding.")
    public boolean isSupportive() {
        return supportive;
    }

    @Override
    public String describe() {
        return label
                + (side == null || side == Side.CENTRAL ? "" : " (" + side.label() + ")")
                + (clinicianRated ? " [clinician-rated, criteria uncertain]" : "");
    }
}
