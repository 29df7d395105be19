package io.crosscheck.engine.facts;

/** A referral for medical assessment in one serious-pathology domain. */
public final class Referral implements Conclusion {
    private final String domain;
    private final String domainLabel;
    private final Urgency urgency;

    public Referral(RedFlag flag) {
        this.domain = flag.getDomain();
        this.domainLabel = flag.getDomainLabel();
        this.urgency = flag.getUrgency();
    }

    public String getDomain() {
        return domain;
    }

    public String getDomainLabel() {
        return domainLabel;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    @Override
    public String describe() {
        return "refer (" + urgency.name().toLowerCase() + ") to exclude " + domainLabel;
    }
}
