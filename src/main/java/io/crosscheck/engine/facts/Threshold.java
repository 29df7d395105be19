package io.crosscheck.engine.facts;

import java.util.List;

/**
 * A numeric cut-off used by a rule, e.g. craniovertebral angle below 50 degrees. Thresholds are
 * screening heuristics from the cited studies, not validated diagnostic cut-offs.
 */
public final class Threshold implements ReferenceFact {
    private String id;
    private String label;
    private String comparator;
    private double value;
    private String unit;
    private List<String> sources = List.of();
    private String note;

    public Threshold() {}

    public Threshold(String id, String label, String comparator, double value, String unit) {
        this.id = id;
        this.label = label;
        this.comparator = comparator;
        this.value = value;
        this.unit = unit;
    }

    public String getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getComparator() {
        return comparator;
    }

    public double getValue() {
        return value;
    }

    public String getUnit() {
        return unit;
    }

    public List<String> getSources() {
        return sources;
    }

    public String getNote() {
        return note;
    }

    @Override
    public String getReferenceId() {
        return "threshold/" + id;
    }

    @Override
    public boolean isEvidence() {
        return true;
    }

    @Override
    public String describe() {
        return "threshold: " + label + " " + comparator + " " + new Measurement(value, unit).describe();
    }
}
