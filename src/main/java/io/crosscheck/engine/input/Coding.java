package io.crosscheck.engine.input;

/**
 * A code in a terminology (SNOMED CT, LOINC, ICD-10-CM, Crosscheck's own code system) that stands for an input.
 * {@code scoreFrom}: the coding is a questionnaire total (e.g. LOINC 44261-6 PHQ-9) that answers a yes/no input:
 * yes at or above this score, no below it; null for a coding that names the question or finding itself.
 */
public record Coding(String system, String code, String display, Integer scoreFrom) {

    public Coding(String system, String code, String display) {
        this(system, code, display, null);
    }

    /** {@code system|code}, the key codings are looked up by. */
    public String key() {
        return system + "|" + code;
    }
}
