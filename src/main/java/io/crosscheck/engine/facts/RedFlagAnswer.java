package io.crosscheck.engine.facts;

/** The answer to one red-flag screening question. */
public final class RedFlagAnswer implements InputFact {
    private final String ref;
    private final String code;
    private final String label;
    private final boolean present;

    public RedFlagAnswer(String ref, String code, String label, boolean present) {
        this.ref = ref;
        this.code = code;
        this.label = label;
        this.present = present;
    }

    @Override
    public String getRef() {
        return ref;
    }

    public String getCode() {
        return code;
    }

    public boolean isPresent() {
        return present;
    }

    @Override
    public String describe() {
        return label + (present ? ": yes" : ": no");
    }
}
