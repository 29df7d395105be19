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

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public String getPattern() { return pattern; }
    public String getCategory() { return category; }
    public List<String> getTests() { return tests; }
    public String getEvidence() { return evidence; }
    public boolean isClinicianRated() { return clinicianRated; }
    /** For clinician-rated muscle-length findings: the muscle whose 'short' rating gives this finding. */
    public String getMuscle() { return muscle; }
    @Override public String getReferenceId() { return "finding/" + code; }

    @Override
    public String describe() {
        return "finding definition: " + label;
    }
}
