package io.crosscheck.engine.input;

/** One allowed answer of a choice input. */
public record Option(String code, String label) {}
