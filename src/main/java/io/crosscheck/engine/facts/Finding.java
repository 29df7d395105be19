package io.crosscheck.engine.facts;

/** A clinical finding derived from one or more inputs, counted as evidence towards a pattern. */
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

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    public String getPattern() {
        return pattern;
    }

    public String getCategory() {
        return category;
    }

    public Side getSide() {
        return side;
    }

    public boolean isClinicianRated() {
        return clinicianRated;
    }

    public double getWeight() {
        return weight;
    }

    public String getCountsAs() {
        return countsAs;
    }

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
