package io.crosscheck.engine.input;

import java.util.List;

/**
 * A group of inputs sent as one JSON object of the screening request ({@code "lifestyle": {...}}).
 * {@code test} is the assessment an answer in the section records (e.g. {@code breathing_assessment}),
 * so why-not explanations know whether it was done. {@code screen} names the screen the section's
 * questions belong to ({@code health} for the pre-exercise health screen; null for none): an applicable
 * question of a screen left unanswered keeps that screen incomplete. {@code affects} lists what in the plan
 * an unanswered question of the section could change (intervention flags and tags, interventions.yaml),
 * so that those items are marked as depending on it. {@code source} cites why the domain is asked.
 */
public record InputSection(
        String code, String label, String test, String help, String screen, List<String> affects, String source) {

    /** The screen of the pre-exercise health questions. */
    public static final String HEALTH = "health";

    public InputSection {
        affects = affects == null ? List.of() : List.copyOf(affects);
    }

    public InputSection(String code, String label, String test, String help) {
        this(code, label, test, help, null, List.of(), null);
    }

    public boolean isHealthScreen() {
        return HEALTH.equals(screen);
    }
}
