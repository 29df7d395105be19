package io.crosscheck.engine.facts;

import java.util.ArrayList;
import java.util.List;

/** Breathing-pattern assessment: the observed signs and, if scored, the Nijmegen questionnaire. */
public final class BreathingAssessment implements InputFact {
    private final String ref;
    private final boolean upperChestDominant;
    private final boolean mouthBreathing;
    private final boolean frequentSighing;
    private final boolean rapidRate;
    private final boolean chestElevationOnNeckFlexion;
    private final Integer nijmegenScore;

    public BreathingAssessment(String ref, boolean upperChestDominant, boolean mouthBreathing, boolean frequentSighing,
                               boolean rapidRate, boolean chestElevationOnNeckFlexion, Integer nijmegenScore) {
        this.ref = ref;
        this.upperChestDominant = upperChestDominant;
        this.mouthBreathing = mouthBreathing;
        this.frequentSighing = frequentSighing;
        this.rapidRate = rapidRate;
        this.chestElevationOnNeckFlexion = chestElevationOnNeckFlexion;
        this.nijmegenScore = nijmegenScore;
    }

    @Override public String getRef() { return ref; }
    public boolean isUpperChestDominant() { return upperChestDominant; }
    public boolean isMouthBreathing() { return mouthBreathing; }
    public boolean isFrequentSighing() { return frequentSighing; }
    public boolean isRapidRate() { return rapidRate; }
    public boolean isChestElevationOnNeckFlexion() { return chestElevationOnNeckFlexion; }
    public boolean isNijmegenScored() { return nijmegenScore != null; }
    public int getNijmegenScore() { return nijmegenScore == null ? -1 : nijmegenScore; }
    @Override public String getTestCode() { return "breathing_assessment"; }

    /** Finding codes of the observed signs (see findings.yaml, category breathing_observation). */
    public java.util.Set<String> getSignCodes() {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        if (upperChestDominant) codes.add("upper_chest_breathing");
        if (mouthBreathing) codes.add("mouth_breathing");
        if (frequentSighing) codes.add("frequent_sighing");
        if (rapidRate) codes.add("rapid_breathing");
        if (chestElevationOnNeckFlexion) codes.add("accessory_breathing_on_neck_flexion");
        return codes;
    }

    private List<String> signs() {
        List<String> signs = new ArrayList<>();
        if (upperChestDominant) signs.add("upper-chest dominant breathing");
        if (mouthBreathing) signs.add("mouth breathing");
        if (frequentSighing) signs.add("frequent sighing");
        if (rapidRate) signs.add("rapid breathing rate");
        if (chestElevationOnNeckFlexion) signs.add("chest elevation during neck flexion");
        return signs;
    }

    @Override
    public String describe() {
        List<String> parts = signs();
        if (nijmegenScore != null) parts.add("Nijmegen score " + nijmegenScore);
        return "breathing assessment: " + (parts.isEmpty() ? "no dysfunctional signs" : String.join(", ", parts));
    }
}
