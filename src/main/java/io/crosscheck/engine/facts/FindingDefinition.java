package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import java.util.List;

/**
 * A finding a rule may conclude, the pattern it counts towards, its evidence category (posture,
 * muscle length, movement) and the tests that can produce it (used for why-not explanations).
 */
@FactDoc(
        value =
                "A finding a rule may conclude (`rules/reference/findings.yaml`): the pattern it counts towards, its category, weight and the tests that can produce it (why-not explanations name them).",
        example = "$finding : FindingDefinition( code == \"forward_head\" ) from reference.finding( \"forward_head\" )")
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

    @FactDoc(value = "The finding's code.", codes = Codes.FINDINGS)
    public String getCode() {
        return code;
    }

    @FactDoc("The finding in words.")
    public String getLabel() {
        return label;
    }

    @FactDoc(value = "The pattern it counts towards.", codes = Codes.PATTERNS)
    public String getPattern() {
        return pattern;
    }

    @FactDoc(value = "Its evidence category.", codes = Codes.FINDING_CATEGORIES)
    public String getCategory() {
        return category;
    }

    @FactDoc(
            value = "The tests that can produce it; why-not rules suggest them when none was done.",
            codes = Codes.TESTS)
    public List<String> getTests() {
        return tests;
    }

    @FactDoc("The evidence note shown with the finding.")
    public String getEvidence() {
        return evidence;
    }

    @FactDoc("True when it rests on a clinician's rating with uncertain criteria.")
    public boolean isClinicianRated() {
        return clinicianRated;
    }

    @FactDoc(
            value = "For a clinician-rated muscle-length finding: the muscle whose `short` rating gives it; else null.",
            codes = Codes.MUSCLES)
    public String getMuscle() {
        return muscle;
    }

    @FactDoc(
            "Weight towards a pattern's grade: 1, less for low-quality items, 0 for inferred findings that must not count.")
    public double getWeight() {
        return weight;
    }

    @FactDoc("Findings with the same key count once; defaults to the finding code.")
    public String getCountsAs() {
        return countsAs == null ? code : countsAs;
    }

    @FactDoc("A normal variant: supports a pattern but cannot make it consistent on its own.")
    public boolean isSupportive() {
        return supportive;
    }

    @FactDoc(
            value =
                    "For a finding observed as a yes/no input (breathing signs): the input whose yes gives it; else null.",
            codes = Codes.INPUTS)
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
