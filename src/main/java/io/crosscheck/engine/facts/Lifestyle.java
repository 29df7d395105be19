package io.crosscheck.engine.facts;

/** Daily sitting time and general activity level. */
public final class Lifestyle implements InputFact {
    private final String ref;
    private final Double sittingHoursPerDay;
    private final String activityLevel;

    public Lifestyle(String ref, Double sittingHoursPerDay, String activityLevel) {
        this.ref = ref;
        this.sittingHoursPerDay = sittingHoursPerDay;
        this.activityLevel = activityLevel;
    }

    @Override public String getRef() { return ref; }
    public double getSittingHoursPerDay() { return sittingHoursPerDay == null ? Double.NaN : sittingHoursPerDay; }
    public String getActivityLevel() { return activityLevel; }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("lifestyle:");
        if (sittingHoursPerDay != null) s.append(" sits ").append(new Measurement(sittingHoursPerDay, "h/day").describe());
        if (activityLevel != null) s.append(sittingHoursPerDay != null ? "," : "").append(" activity ").append(activityLevel);
        return s.toString();
    }
}
