package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * A referral for medical assessment in one domain: a serious-pathology domain of the red-flag screen
 * ("to exclude cauda equina syndrome") or a health-screen domain ("for medical clearance before exercise").
 * Any referral withholds exercise advice (SAF-005).
 */
@FactDoc(
        value =
                "A referral for medical assessment in one domain: a serious-pathology domain of the red-flag screen (\"to exclude cauda equina syndrome\") or a health-screen domain (\"for medical clearance before exercise\"). Any referral withholds exercise advice (SAF-005).",
        example = "$r : Referral( domain == \"cardiovascular\" )")
public final class Referral implements Conclusion {
    private final String domain;
    private final String domainLabel;
    private final Urgency urgency;
    private final String purpose;

    public Referral(RedFlag flag) {
        this.domain = flag.getDomain();
        this.domainLabel = flag.getDomainLabel();
        this.urgency = flag.getUrgency();
        this.purpose = "to exclude " + flag.getDomainLabel();
    }

    /**
     * A referral from the health screen.
     *
     * @param purpose what the referral is for, as the headline says it: "for prompt cardiac assessment (possible
     *     angina)"
     */
    public Referral(String domain, String domainLabel, Urgency urgency, String purpose) {
        this.domain = domain;
        this.domainLabel = domainLabel;
        this.urgency = urgency;
        this.purpose = purpose;
    }

    @FactDoc(value = "The domain referred for.", codes = Codes.REFERRAL_DOMAINS)
    public String getDomain() {
        return domain;
    }

    @FactDoc("The domain in words.")
    public String getDomainLabel() {
        return domainLabel;
    }

    @FactDoc("How urgent the referral is.")
    public Urgency getUrgency() {
        return urgency;
    }

    @FactDoc(
            "What the referral is for, as the headline says it: \"to exclude cauda equina syndrome\", \"for medical clearance before exercise\".")
    public String getPurpose() {
        return purpose;
    }

    @Override
    public String describe() {
        return "refer (" + urgency.name().toLowerCase() + ") " + purpose;
    }
}
