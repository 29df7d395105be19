package io.crosscheck.engine.facts;

import java.util.List;

/**
 * A pattern (UCS, LCS, layer, breathing-pattern dysfunction) and how much concordant evidence each
 * status needs: findings from at least {@code consistentMinCategories} categories and at least
 * {@code consistentMinFindings} findings for "consistent"; {@code partialMinFindings} for "partial".
 */
public final class PatternDefinition implements ReferenceFact {
    private String code;
    private String name;
    private String grading;
    private int consistentMinFindings;
    private int consistentMinCategories;
    private int partialMinFindings;
    private String evidenceNote;
    private List<String> sources = List.of();
    private List<String> aliases = List.of();
    private String mechanism;
    private List<String> stressZones = List.of();
    private List<String> typicalComplaints = List.of();
    private List<String> regions = List.of();
    private List<String> consistentRequiresAny = List.of();
    private boolean consistentRequiresSymptoms;

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
    /** How the status is reached: {@code concordance} (counted findings) or {@code composite} (own rules). */
    public String getGrading() {
        return grading;
    }

    public int getConsistentMinFindings() {
        return consistentMinFindings;
    }

    public int getConsistentMinCategories() {
        return consistentMinCategories;
    }

    public int getPartialMinFindings() {
        return partialMinFindings;
    }

    public String getEvidenceNote() {
        return evidenceNote;
    }

    public List<String> getSources() {
        return sources;
    }
    /** Other names for the pattern in the literature. */
    public List<String> getAliases() {
        return aliases;
    }
    /** The proposed mechanism, as described (not established). */
    public String getMechanism() {
        return mechanism;
    }
    /** Joints and spinal transition zones described as under stress. */
    public List<String> getStressZones() {
        return stressZones;
    }
    /** Complaints typically reported with the pattern; they are not evidence for it. */
    public List<String> getTypicalComplaints() {
        return typicalComplaints;
    }
    /** Symptom regions where the pattern's complaints are felt; a complaint there makes its missing tests relevant. */
    public List<String> getRegions() {
        return regions;
    }
    /** Categories of which at least one finding is needed for "consistent" (normal variants alone never suffice). */
    public List<String> getConsistentRequiresAny() {
        return consistentRequiresAny;
    }
    /** True: a client without symptoms is at most "partial". */
    public boolean isConsistentRequiresSymptoms() {
        return consistentRequiresSymptoms;
    }

    @Override
    public String getReferenceId() {
        return "pattern/" + code;
    }

    @Override
    public boolean isEvidence() {
        return "concordance".equals(grading);
    }

    @Override
    public String describe() {
        return "needs " + consistentMinFindings + "+ distinct findings in " + consistentMinCategories
                + "+ categories for consistent, " + partialMinFindings + "+ for partial";
    }
}
