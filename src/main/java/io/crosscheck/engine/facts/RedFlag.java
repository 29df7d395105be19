package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** A red flag that was answered positively (or a positive red-flag cluster): the question it answers. */
@FactDoc(
        value =
                "A red flag that was answered positively, or a positive cluster a rule raises itself (SAF- rules). Any red flag leads to a referral.",
        example = "$flag : RedFlag( urgency == Urgency.EMERGENCY )")
public final class RedFlag implements Conclusion {
    private final RedFlagDefinition definition;

    public RedFlag(RedFlagDefinition definition) {
        this.definition = definition;
    }

    /** A flag no single question raises, e.g. a cluster of myelopathy signs. */
    public RedFlag(String code, String label, String domain, String domainLabel, Urgency urgency) {
        this(new RedFlagDefinition(code, label, domain, domainLabel, urgency));
    }

    @FactDoc(value = "The flag's code: the question's, or the cluster's.", codes = Codes.RAISED_RED_FLAGS)
    public String getCode() {
        return definition.getCode();
    }

    @FactDoc("The flag in words.")
    public String getLabel() {
        return definition.getLabel();
    }

    @FactDoc(value = "The serious-pathology domain it screens for.", codes = Codes.RED_FLAG_DOMAINS)
    public String getDomain() {
        return definition.getDomain();
    }

    @FactDoc("The domain in words (\"cauda equina syndrome\").")
    public String getDomainLabel() {
        return definition.getDomainLabel();
    }

    @FactDoc("How urgent the referral it leads to is.")
    public Urgency getUrgency() {
        return definition.getUrgency();
    }

    @Override
    public String describe() {
        return "red flag (" + getDomainLabel() + "): " + getLabel();
    }
}
