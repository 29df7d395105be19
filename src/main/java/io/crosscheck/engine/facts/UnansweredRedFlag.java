package io.crosscheck.engine.facts;

/**
 * A red-flag question that applies to the client (its domain covers one of the symptom regions, or
 * no region was given) and was not answered. An unanswered question is never read as "no".
 */
public final class UnansweredRedFlag implements Conclusion {
    private final String code;
    private final String label;
    private final String domain;
    private final String domainLabel;

    public UnansweredRedFlag(RedFlagDefinition definition) {
        this.code = definition.getCode();
        this.label = definition.getLabel();
        this.domain = definition.getDomain();
        this.domainLabel = definition.getDomainLabel();
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    public String getDomain() {
        return domain;
    }

    public String getDomainLabel() {
        return domainLabel;
    }

    @Override
    public String describe() {
        return "red-flag question not answered (" + domainLabel + "): " + label;
    }
}
