package io.crosscheck.engine.input;

/** A code in a terminology (SNOMED CT, LOINC, Crosscheck's own code system) that stands for an input. */
public record Coding(String system, String code, String display) {}
