package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import java.util.List;

/**
 * A numeric cut-off used by a rule, e.g. craniovertebral angle below 50 degrees. Thresholds are
 * screening heuristics from the cited studies, not validated diagnostic cut-offs.
 */
@FactDoc(
        value =
                "A numeric cut-off of `rules/reference/thresholds.yaml`, e.g. craniovertebral angle below 50 degrees. Thresholds are screening heuristics from the cited studies; rules compare with `$t.value`, never with a literal, so the explanation cites them.",
        example = "$t : Threshold( id == \"cva_forward_head\" ) from reference.threshold( \"cva_forward_head\" )")
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

    @FactDoc(value = "The threshold's id.", codes = Codes.THRESHOLDS)
    public String getId() {
        return id;
    }

    @FactDoc("What is measured, in words.")
    public String getLabel() {
        return label;
    }

    @FactDoc(
            value = "How the rule compares with it, as documentation: the rule itself writes the comparison.",
            values = {"<", "<=", ">", ">="})
    public String getComparator() {
        return comparator;
    }

    @FactDoc("The cut-off.")
    public double getValue() {
        return value;
    }

    @FactDoc("Its unit.")
    public String getUnit() {
        return unit;
    }

    @FactDoc("The source keys it cites.")
    public List<String> getSources() {
        return sources;
    }

    @FactDoc("A note on where the number comes from, or null.")
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
