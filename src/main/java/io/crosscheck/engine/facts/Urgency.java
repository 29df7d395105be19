package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/** Referral urgency, most urgent first. */
@FactDoc(
        value = "Referral urgency, most urgent first (`urgency.ordinal()` compares them).",
        example = "$r : Referral( urgency == Urgency.URGENT )")
public enum Urgency {
    @FactDoc("Same-day emergency assessment.")
    EMERGENCY,
    @FactDoc("Medical assessment within days.")
    URGENT,
    @FactDoc("Routine specialist referral.")
    SOON
}
