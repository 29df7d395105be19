package io.crosscheck.engine.input;

/**
 * What a yes/no question asks about time, which decides how a chart's problem list answers it
 * (kb-docs/fhir-mapping.md, "Conditions by meaning"): a question about now ({@link #CURRENT}, the default), about
 * now or the past ({@link #EVER}: "history of cancer", "current or past psoriasis"), or about something that began
 * lately ({@link #NEW}: "new dizziness"; {@link #RECENT}: "recent bacterial infection"), with the windows of
 * {@code rules/reference/terminology.yaml}.
 */
public enum Onset {
    /** Present now: an active Condition is yes; a resolved one says nothing (unanswered). */
    CURRENT,
    /** Present now or in the past: a resolved Condition is yes too. */
    EVER,
    /** Began within the new-onset window: an active Condition with an older onset says nothing. */
    NEW,
    /** Began within the recent window (longer than the new-onset one). */
    RECENT
}
