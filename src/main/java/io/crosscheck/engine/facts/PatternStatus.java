package io.crosscheck.engine.facts;

/** How far the evidence supports a pattern. Never a diagnosis. */
public enum PatternStatus {
    CONSISTENT("findings consistent with"),
    PARTIAL("some findings consistent with"),
    INSUFFICIENT("insufficient evidence for");

    private final String phrase;

    PatternStatus(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }
}
