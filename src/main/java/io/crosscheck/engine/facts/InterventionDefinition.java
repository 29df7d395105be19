package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import java.util.List;

/**
 * A catalogue entry: what the intervention is, its category and place in the Janda treatment
 * sequence, the dose, and whether it is exercise (withheld when a red flag calls for referral).
 */
@FactDoc(
        value =
                "A catalogue entry of `rules/reference/interventions.yaml`: what the intervention is, its category and place in the Janda sequence, the dose, and what it involves (exercise, loading, end range, tags).",
        example = "$warmUp : InterventionDefinition( id == \"warm_up\" ) from reference.intervention( \"warm_up\" )")
public final class InterventionDefinition implements ReferenceFact {
    private String id;
    private String name;
    private String category;
    private int phase;
    private boolean exercise;
    private String dose;
    private List<String> targets = List.of();
    private String precautions;
    private List<String> sources = List.of();
    private boolean loading;
    private boolean endRange;
    private List<String> tags = List.of();
    private TestedBy testedBy;

    @FactDoc(value = "The intervention's id.", codes = Codes.INTERVENTIONS)
    public String getId() {
        return id;
    }

    @FactDoc("Its name in words.")
    public String getName() {
        return name;
    }

    @FactDoc(value = "Its category.", codes = Codes.INTERVENTION_CATEGORIES)
    public String getCategory() {
        return category;
    }

    @FactDoc(
            "Position in the Janda sequence: 1 normalise the periphery ... 5 endurance and function; 0 safety or education.")
    public int getPhase() {
        return phase;
    }

    @FactDoc("Whether it is exercise (withheld while a referral is pending).")
    public boolean isExercise() {
        return exercise;
    }

    @FactDoc("The dose as the plan states it.")
    public String getDose() {
        return dose;
    }

    @FactDoc("What it targets (muscles, movements), in words.")
    public List<String> getTargets() {
        return targets;
    }

    @FactDoc("Its own precautions, in words, or null.")
    public String getPrecautions() {
        return precautions;
    }

    @FactDoc("The source keys it cites (kb-docs/reference.md).")
    public List<String> getSources() {
        return sources;
    }

    @FactDoc(
            "Loads or strengthens tissue (activation, strengthening, sensorimotor, functional work): deferred while irritable.")
    public boolean isLoading() {
        return loading;
    }

    @FactDoc("A sustained stretch to end range: deferred while irritable.")
    public boolean isEndRange() {
        return endRange;
    }

    @FactDoc(
            value =
                    "What else it involves that a health condition can change: `prone`, `supine`, `spinal_flexion`, `manual`, `balance` ...",
            codes = Codes.INTERVENTION_TAGS)
    public List<String> getTags() {
        return tags == null ? List.of() : tags;
    }

    @FactDoc(
            "Whether an answer affecting any of these could change the item: `exercise`, `loading` and `endRange` name the catalogue flags, anything else a tag (a section's `affects`).")
    public boolean affectedBy(java.util.Collection<String> affects) {
        for (String a : affects) {
            if (("exercise".equals(a) && exercise)
                    || ("loading".equals(a) && loading)
                    || ("endRange".equals(a) && endRange)
                    || getTags().contains(a)) {
                return true;
            }
        }
        return false;
    }

    @FactDoc(
            "The tests that examine what it treats (IND-001 withholds it when they were all normal); null when no test does.")
    public TestedBy getTestedBy() {
        return testedBy;
    }

    @Override
    public String getReferenceId() {
        return "intervention/" + id;
    }

    @Override
    public String describe() {
        return "catalogue: " + name;
    }
}
