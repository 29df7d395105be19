package io.crosscheck.facts;

/** A precaution that shapes how the plan is delivered (it never removes an intervention). */
public final class Precaution implements Conclusion {
    private final String code;
    private final String text;

    public Precaution(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String getCode() { return code; }
    public String getText() { return text; }

    @Override
    public String describe() {
        return "precaution: " + text;
    }
}
