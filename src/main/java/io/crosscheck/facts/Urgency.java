package io.crosscheck.facts;

/** Referral urgency, most urgent first. */
public enum Urgency {
    EMERGENCY("emergency: same-day emergency assessment"),
    URGENT("urgent: medical assessment within days"),
    SOON("soon: routine specialist referral");

    private final String meaning;

    Urgency(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    public static Urgency mostUrgent(Urgency a, Urgency b) {
        return a == null ? b : b == null ? a : a.ordinal() <= b.ordinal() ? a : b;
    }
}
