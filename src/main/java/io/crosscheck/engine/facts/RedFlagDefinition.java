package io.crosscheck.engine.facts;

/** A red-flag question, the serious-pathology domain it screens for and the referral urgency. */
public final class RedFlagDefinition implements ReferenceFact {
    private String code;
    private String label;
    private String domain;
    private String domainLabel;
    private Urgency urgency;

    public RedFlagDefinition() {
    }

    public RedFlagDefinition(String code, String label, String domain, String domainLabel, Urgency urgency) {
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
    @Override public String getReferenceId() { return "red-flag/" + code; }

    @Override
    public String describe() {
        return "red flag for " + domainLabel + ": " + label;
    }
}
