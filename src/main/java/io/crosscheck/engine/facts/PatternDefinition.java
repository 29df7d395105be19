package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import java.util.List;

/**
 * A pattern (UCS, LCS, layer, breathing-pattern dysfunction) and how much concordant evidence each
 * status needs: findings from at least {@code consistentMinCategories} categories and at least
 * {@code consistentMinFindings} findings for "consistent"; {@code partialMinFindings} for "partial".
 */
@FactDoc(
        value =
                "A pattern of `rules/reference/patterns.yaml` (UCS, LCS, LAYER, BPD) and how much concordant evidence each status needs.",
        example = "$pattern : PatternDefinition( grading == \"concordance\" ) from reference.patterns()")
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

    @FactDoc(value = "The pattern's code.", codes = Codes.PATTERNS)
    public String getCode() {
        return code;
    }

    @FactDoc("Its name.")
    public String getName() {
        return name;
    }

    @FactDoc(
            value = "How the status is reached: `concordance` (counted findings) or `composite` (rules of its own).",
            values = {"concordance", "composite"})
    public String getGrading() {
        return grading;
    }

    @FactDoc("Weighted findings needed for consistent.")
    public int getConsistentMinFindings() {
        return consistentMinFindings;
    }

    @FactDoc("Evidence categories needed for consistent.")
    public int getConsistentMinCategories() {
        return consistentMinCategories;
    }

    @FactDoc("Weighted findings needed for partial.")
    public int getPartialMinFindings() {
        return partialMinFindings;
    }

    @FactDoc("The evidence note every result shows with the pattern.")
    public String getEvidenceNote() {
        return evidenceNote;
    }

    @FactDoc("The source keys it cites.")
    public List<String> getSources() {
        return sources;
    }

    @FactDoc("Other names for the pattern in the literature.")
    public List<String> getAliases() {
        return aliases;
    }

    @FactDoc("The proposed mechanism, as described (not established).")
    public String getMechanism() {
        return mechanism;
    }

    @FactDoc("Joints and spinal transition zones described as under stress.")
    public List<String> getStressZones() {
        return stressZones;
    }

    @FactDoc("Complaints typically reported with the pattern; they are not evidence for it.")
    public List<String> getTypicalComplaints() {
        return typicalComplaints;
    }

    @FactDoc(
            value =
                    "Symptom regions where its complaints are felt; a complaint there makes its missing tests relevant.",
            codes = Codes.SYMPTOM_REGIONS)
    public List<String> getRegions() {
        return regions;
    }

    @FactDoc(
            value =
                    "Categories of which at least one finding is needed for consistent (normal variants alone never suffice).",
            codes = Codes.FINDING_CATEGORIES)
    public List<String> getConsistentRequiresAny() {
        return consistentRequiresAny;
    }

    @FactDoc("True: a client without symptoms is at most partial.")
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
