package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** A symptom the client reports: where, what kind, what brings it on, how bad (NRS 0-10), how long. */
@FactDoc(
        value =
                "A symptom the client reports: where, what kind, what brings it on, how bad (NRS 0-10), how long, how long it takes to settle.",
        example =
                "$s : Symptom( region == \"low_back\", kind in (\"tightness\", \"stiffness\", \"pain\"), trigger == \"exercise\" )")
public final class Symptom implements InputFact {
    private final String ref;
    private final String region;
    private final String regionLabel;
    private final String kind;
    private final String trigger;
    private final String triggerLabel;
    private final Integer nrs;
    private final Integer durationWeeks;
    private final Integer settleMinutes;

    public Symptom(
            String ref,
            String region,
            String regionLabel,
            String kind,
            String trigger,
            String triggerLabel,
            Integer nrs,
            Integer durationWeeks) {
        this(ref, region, regionLabel, kind, trigger, triggerLabel, nrs, durationWeeks, null);
    }

    /** @param settleMinutes how long the symptom takes to settle after the activity that brings it on (irritability) */
    public Symptom(
            String ref,
            String region,
            String regionLabel,
            String kind,
            String trigger,
            String triggerLabel,
            Integer nrs,
            Integer durationWeeks,
            Integer settleMinutes) {
        this.settleMinutes = settleMinutes;
        this.ref = ref;
        this.region = region;
        this.regionLabel = regionLabel;
        this.kind = kind;
        this.trigger = trigger;
        this.triggerLabel = triggerLabel;
        this.nrs = nrs;
        this.durationWeeks = durationWeeks;
    }

    @Override
    public String getRef() {
        return ref;
    }

    @FactDoc(value = "Where it is felt.", codes = Codes.SYMPTOM_REGIONS)
    public String getRegion() {
        return region;
    }

    @FactDoc(value = "What kind of symptom it is.", codes = Codes.SYMPTOM_KINDS)
    public String getKind() {
        return kind;
    }

    @FactDoc(value = "What brings it on; null when not sent.", codes = Codes.SYMPTOM_TRIGGERS)
    public String getTrigger() {
        return trigger;
    }

    @FactDoc("Pain now on the 0-10 scale; null when not recorded (compare only after `nrs != null`).")
    public Integer getNrs() {
        return nrs;
    }

    @FactDoc("Weeks since onset; null when not recorded (compare only after `durationWeeks != null`).")
    public Integer getDurationWeeks() {
        return durationWeeks;
    }

    @FactDoc(
            "Minutes to settle after the activity that brings it on (irritability); null when not recorded (compare only after `settleMinutes != null`).")
    public Integer getSettleMinutes() {
        return settleMinutes;
    }

    @Override
    public String describe() {
        StringBuilder s =
                new StringBuilder(regionLabel.toLowerCase()).append(' ').append(kind.replace('_', ' '));
        if (triggerLabel != null) s.append(' ').append(triggerLabel.toLowerCase());
        if (nrs != null) s.append(", NRS ").append(nrs).append("/10");
        if (durationWeeks != null) s.append(", ").append(durationWeeks).append(" weeks");
        if (settleMinutes != null)
            s.append(", settles in ").append(settleMinutes).append(" min");
        return s.toString();
    }
}
