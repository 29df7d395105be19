package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/** How far the evidence supports a pattern. Never a diagnosis. */
@FactDoc(
        value = "How far the evidence supports a pattern. Never a diagnosis.",
        example = "$p : PatternConclusion( status == PatternStatus.PARTIAL )")
public enum PatternStatus {
    @FactDoc("Findings consistent with the pattern.")
    CONSISTENT("findings consistent with"),
    @FactDoc("Some findings consistent with the pattern.")
    PARTIAL("some findings consistent with"),
    @FactDoc("Insufficient evidence for the pattern.")
    INSUFFICIENT("insufficient evidence for");

    private final String phrase;

    PatternStatus(String phrase) {
        this.phrase = phrase;
    }

    @FactDoc("The status in words, as results say it (\"findings consistent with\").")
    public String phrase() {
        return phrase;
    }
}
