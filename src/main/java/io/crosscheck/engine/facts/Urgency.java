package io.crosscheck.engine.facts;

/** Referral urgency, most urgent first. */
public enum Urgency {
    /** Same-day emergency assessment. */
    EMERGENCY,
    /** Medical assessment within days. */
    URGENT,
    /** Routine specialist referral. */
    SOON
}
