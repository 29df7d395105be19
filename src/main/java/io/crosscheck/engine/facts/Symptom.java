package io.crosscheck.engine.facts;

/** A symptom the client reports: where, what kind, what brings it on, how bad (NRS 0-10), how long. */
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

    public String getRegion() {
        return region;
    }

    public String getKind() {
        return kind;
    }

    public String getTrigger() {
        return trigger;
    }
    /** Pain now on the 0-10 scale; null when not recorded (compare only after {@code nrs != null}). */
    public Integer getNrs() {
        return nrs;
    }
    /** Weeks since onset; null when not recorded (compare only after {@code durationWeeks != null}). */
    public Integer getDurationWeeks() {
        return durationWeeks;
    }
    /** Minutes to settle after provocation; null when not recorded (compare only after {@code settleMinutes != null}). */
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
