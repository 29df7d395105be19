package io.crosscheck.engine.facts;

/** A red flag that was answered positively (or a positive red-flag cluster). */
public final class RedFlag implements Conclusion {
    private final String code;
    private final String label;
    private final String domain;
    private final String domainLabel;
    private final Urgency urgency;

    public RedFlag(RedFlagDefinition definition) {
        this(definition.getCode(), definition.getLabel(), definition.getDomain(), definition.getDomainLabel(), definition.getUrgency());
    }

    public RedFlag(String code, String label, String domain, String domainLabel, Urgency urgency) {
        this.code = code;
        this.label = label;
        this.domain = domain;
        this.domainLabel = domainLabel;
        this.urgency = urgency;
    }

    public String getCode() { return code; }
    public String getLabel() { return label; }
    public String getDomain() { return domain; }
    public String getDomainLabel() { return domainLabel; }
    public Urgency getUrgency() { return urgency; }

    @Override
    public String describe() {
        return "red flag (" + domainLabel + "): " + label;
    }
}
