package io.crosscheck.engine.facts;

import java.util.List;

/** A red-flag question, the serious-pathology domain it screens for and the referral urgency. */
public final class RedFlagDefinition implements ReferenceFact {
    private String code;
    private String label;
    private String domain;
    private String domainLabel;
    private Urgency urgency;
    private List<String> regions = List.of();
    private boolean supportingOnly;

    public RedFlagDefinition() {}

    /**
     * @param regions        symptom regions for which the question's domain must be asked (empty: every region)
     * @param supportingOnly the answer raises a flag only together with another flag of its domain
     */
    public RedFlagDefinition(
            String code,
            String label,
            String domain,
            String domainLabel,
            Urgency urgency,
            List<String> regions,
            boolean supportingOnly) {
        this(code, label, domain, domainLabel, urgency);
        this.regions = regions == null ? List.of() : List.copyOf(regions);
        this.supportingOnly = supportingOnly;
    }

    public RedFlagDefinition(String code, String label, String domain, String domainLabel, Urgency urgency) {
        this.code = code;
        this.label = label;
        this.domain = domain;
        this.domainLabel = domainLabel;
        this.urgency = urgency;
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

    public Urgency getUrgency() {
        return urgency;
    }
    /** Symptom regions for which this domain is screened; a client with no symptom region gets every domain. */
    public List<String> getRegions() {
        return regions;
    }
    /** True when a yes answer counts only together with another red flag of the same domain. */
    public boolean isSupportingOnly() {
        return supportingOnly;
    }

    @Override
    public String getReferenceId() {
        return "red-flag/" + code;
    }

    @Override
    public String describe() {
        return "red flag for " + domainLabel + ": " + label;
    }
}
