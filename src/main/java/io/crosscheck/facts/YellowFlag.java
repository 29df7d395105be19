package io.crosscheck.facts;

/** A psychosocial risk factor: adjusts the approach, never blocks the plan. */
public final class YellowFlag implements Conclusion {
    private final String code;
    private final String label;

    public YellowFlag(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }

    @Override
    public String describe() {
        return "yellow flag: " + label;
    }
}
