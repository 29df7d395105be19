package io.crosscheck.engine.facts;

import java.util.List;

/**
 * A finding a rule may conclude, the pattern it counts towards, its evidence category (posture,
 * muscle length, movement) and the tests that can produce it (used for why-not explanations).
 */
public final class FindingDefinition implements ReferenceFact {
    private String code;
    private String label;
    private String pattern;
    private String category;
    private List<String> tests = List.of();
    private String evidence;
    private boolean clinicianRated;
    private String muscle;
    private double weight = 1.0;
    private String countsAs;
    private boolean supportive;
    private String input;

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

    public List<String> getTests() {
        return tests;
    }

    public String getEvidence() {
        return evidence;
    }

    public boolean isClinicianRated() {
        return clinicianRated;
    }
    /** For clinician-rated muscle-length findings: the muscle whose 'short' rating gives this finding. */
    public String getMuscle() {
        return muscle;
    }
    /** Weight towards a pattern's grade: 1, less for low-quality items, 0 for inferred findings that must not count. */
    public double getWeight() {
        return weight;
    }
    /** Findings with the same key count once (one test counts once); defaults to the finding code. */
    public String getCountsAs() {
        return countsAs == null ? code : countsAs;
    }
    /** A normal variant: supports a pattern but cannot make it consistent without a length or movement finding. */
    public boolean isSupportive() {
        return supportive;
    }
    /** For findings observed as a yes/no input (breathing signs): the input whose "yes" gives this finding (inputs.yaml). */
    public String getInput() {
        return input;
    }

    @Override
    public String getReferenceId() {
        return "finding/" + code;
    }

    @Override
    public String describe() {
        return "finding definition: " + label;
    }
}
