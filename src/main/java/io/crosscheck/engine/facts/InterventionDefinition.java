package io.crosscheck.engine.facts;

import java.util.List;

/**
 * A catalogue entry: what the intervention is, its category and place in the Janda treatment
 * sequence, the dose, and whether it is exercise (withheld when a red flag calls for referral).
 */
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

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCategory() {
        return category;
    }
    /** Position in the Janda sequence: 1 normalise periphery ... 5 endurance/functional; 0 = safety/education. */
    public int getPhase() {
        return phase;
    }

    public boolean isExercise() {
        return exercise;
    }

    public String getDose() {
        return dose;
    }

    public List<String> getTargets() {
        return targets;
    }

    public String getPrecautions() {
        return precautions;
    }

    public List<String> getSources() {
        return sources;
    }
    /** Loads or strengthens tissue (activation, strengthening, sensorimotor, functional work): deferred while irritable. */
    public boolean isLoading() {
        return loading;
    }
    /** A sustained stretch to end range: deferred while irritable. */
    public boolean isEndRange() {
        return endRange;
    }

    /**
     * What else the item involves that a health condition can change: {@code prone}, {@code supine},
     * {@code spinal_flexion} (loaded or sustained spinal flexion), {@code manual}, {@code balance}, ...
     */
    public List<String> getTags() {
        return tags == null ? List.of() : tags;
    }

    /**
     * Whether an answer affecting any of these could change the item: {@code exercise}, {@code loading} and
     * {@code endRange} name the catalogue flags, anything else a tag.
     */
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

    /** The tests that examine what the intervention treats; null when no test does (IND-001). */
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
