package io.crosscheck.engine.facts;

import java.util.ArrayList;
import java.util.List;

/** Psychosocial (yellow-flag) answers, STarT Back scores and FABQ subscales. */
public final class Psychosocial implements InputFact {
    private final String ref;
    private final boolean anxiety;
    private final boolean fearAvoidance;
    private final boolean catastrophising;
    private final boolean lowMood;
    private final boolean painBeliefHarmful;
    private final boolean passiveCoping;
    private final boolean excessiveRest;
    private final boolean workCompensationIssues;
    private final Integer sbstTotal;
    private final Integer sbstPsych;
    private final Integer fabqWork;
    private final Integer fabqPhysicalActivity;

    public Psychosocial(String ref, boolean anxiety, boolean fearAvoidance, boolean catastrophising, boolean lowMood,
                        boolean painBeliefHarmful, boolean passiveCoping, boolean excessiveRest,
                        boolean workCompensationIssues, Integer sbstTotal, Integer sbstPsych,
                        Integer fabqWork, Integer fabqPhysicalActivity) {
        this.ref = ref;
        this.anxiety = anxiety;
        this.fearAvoidance = fearAvoidance;
        this.catastrophising = catastrophising;
        this.lowMood = lowMood;
        this.painBeliefHarmful = painBeliefHarmful;
        this.passiveCoping = passiveCoping;
        this.excessiveRest = excessiveRest;
        this.workCompensationIssues = workCompensationIssues;
        this.sbstTotal = sbstTotal;
        this.sbstPsych = sbstPsych;
        this.fabqWork = fabqWork;
        this.fabqPhysicalActivity = fabqPhysicalActivity;
    }

    @Override public String getRef() { return ref; }
    public boolean isAnxiety() { return anxiety; }
    public boolean isFearAvoidance() { return fearAvoidance; }
    public boolean isCatastrophising() { return catastrophising; }
    public boolean isLowMood() { return lowMood; }
    public boolean isPainBeliefHarmful() { return painBeliefHarmful; }
    public boolean isPassiveCoping() { return passiveCoping; }
    public boolean isExcessiveRest() { return excessiveRest; }
    public boolean isWorkCompensationIssues() { return workCompensationIssues; }
    public boolean isSbstScored() { return sbstTotal != null && sbstPsych != null; }
    public int getSbstTotal() { return sbstTotal == null ? -1 : sbstTotal; }
    public int getSbstPsych() { return sbstPsych == null ? -1 : sbstPsych; }
    public int getFabqWork() { return fabqWork == null ? -1 : fabqWork; }
    public int getFabqPhysicalActivity() { return fabqPhysicalActivity == null ? -1 : fabqPhysicalActivity; }
    @Override public String getTestCode() { return isSbstScored() ? "start_back" : null; }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (anxiety) parts.add("anxiety");
        if (fearAvoidance) parts.add("fear-avoidance");
        if (catastrophising) parts.add("catastrophising");
        if (lowMood) parts.add("low mood");
        if (painBeliefHarmful) parts.add("belief that pain is harmful");
        if (passiveCoping) parts.add("passive coping");
        if (excessiveRest) parts.add("excessive rest");
        if (workCompensationIssues) parts.add("work or compensation issues");
        if (isSbstScored()) parts.add("STarT Back " + sbstTotal + "/9 (psychosocial " + sbstPsych + "/5)");
        if (fabqWork != null) parts.add("FABQ work " + fabqWork);
        if (fabqPhysicalActivity != null) parts.add("FABQ physical activity " + fabqPhysicalActivity);
        return "psychosocial: " + (parts.isEmpty() ? "nothing reported" : String.join(", ", parts));
    }
}
