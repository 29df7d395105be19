package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/**
 * How long the client has been in the clinic's care at this visit: the days from the first visit (the request's
 * {@code visit.inCareSince}, filled in by the server) to this visit's date. Absent at a first visit: a question that can
 * be asked only after some time in care (the red flag "no improvement after one month of care") does not apply then.
 */
@FactDoc(
        value =
                "How long the client has been in care at this visit: days from the first visit in the clinic (`visit.inCareSince`) to this visit. Absent at a first visit.",
        example = "CareEpisode( daysInCare >= 28 )")
public final class CareEpisode implements InputFact {
    private final String ref;
    private final long daysInCare;

    public CareEpisode(String ref, long daysInCare) {
        this.ref = ref;
        this.daysInCare = daysInCare;
    }

    @Override
    public String getRef() {
        return ref;
    }

    @FactDoc("Whole days from the first visit to this one (0 or more).")
    public long getDaysInCare() {
        return daysInCare;
    }

    @Override
    public String describe() {
        return "in care for " + daysInCare + " day" + (daysInCare == 1 ? "" : "s") + " since the first visit";
    }
}
