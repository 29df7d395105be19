package io.crosscheck.engine.input;

/**
 * A group of inputs sent as one JSON object of the screening request ({@code "lifestyle": {...}}).
 * {@code test} is the assessment an answer in the section records (e.g. {@code breathing_assessment}),
 * so why-not explanations know whether it was done.
 */
public record InputSection(String code, String label, String test, String help) {}
