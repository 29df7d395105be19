package io.crosscheck.engine.facts;

/** A red flag that was answered positively (or a positive red-flag cluster): the question it answers. */
public final class RedFlag implements Conclusion {
    private final RedFlagDefinition definition;

    public RedFlag(RedFlagDefinition definition) {
        this.definition = definition;
    }

    /** A flag no single question raises, e.g. a cluster of myelopathy signs. */
    public RedFlag(String code, String label, String domain, String domainLabel, Urgency urgency) {
        this(new RedFlagDefinition(code, label, domain, domainLabel, urgency));
    }

    public String getCode() {
        return definition.getCode();
    }

    public String getLabel() {
        return definition.getLabel();
    }

    public String getDomain() {
        return definition.getDomain();
    }

    public String getDomainLabel() {
        return definition.getDomainLabel();
    }

    public Urgency getUrgency() {
        return definition.getUrgency();
    }

    @Override
    public String describe() {
        return "red flag (" + getDomainLabel() + "): " + getLabel();
    }
}
