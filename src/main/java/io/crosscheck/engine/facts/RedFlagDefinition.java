package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import io.crosscheck.engine.input.Coding;
import io.crosscheck.engine.input.Onset;
import java.util.List;

/** A red-flag question, the serious-pathology domain it screens for and the referral urgency. */
@FactDoc(
        value =
                "A red-flag question of `rules/reference/red-flags.yaml`, the serious-pathology domain it screens for and the referral urgency.",
        example = "$question : RedFlagDefinition( urgency == Urgency.EMERGENCY ) from reference.redFlags()")
public final class RedFlagDefinition implements ReferenceFact {
    private String code;
    private String label;
    private String domain;
    private String domainLabel;
    private Urgency urgency;
    private List<String> regions = List.of();
    private boolean supportingOnly;
    private List<String> testsAfterAnswer = List.of();
    private List<Coding> codings = List.of();
    private Onset onset = Onset.CURRENT;
    private int daysInCare;

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

    /**
     * @param testsAfterAnswer tests not to be requested while this question is unanswered (the domain's
     *                         questions come from the history, before those tests load the region)
     */
    public RedFlagDefinition(
            String code,
            String label,
            String domain,
            String domainLabel,
            Urgency urgency,
            List<String> regions,
            boolean supportingOnly,
            List<String> testsAfterAnswer) {
        this(code, label, domain, domainLabel, urgency, regions, supportingOnly);
        this.testsAfterAnswer = testsAfterAnswer == null ? List.of() : List.copyOf(testsAfterAnswer);
    }

    /**
     * @param codings standard codings (SNOMED CT, ICD-10-CM) a chart answers the question with
     * @param onset   what the question asks about time ("new dizziness": {@link Onset#NEW}), for Conditions
     */
    public RedFlagDefinition(
            String code,
            String label,
            String domain,
            String domainLabel,
            Urgency urgency,
            List<String> regions,
            boolean supportingOnly,
            List<String> testsAfterAnswer,
            List<Coding> codings,
            Onset onset) {
        this(code, label, domain, domainLabel, urgency, regions, supportingOnly, testsAfterAnswer);
        this.codings = codings == null ? List.of() : List.copyOf(codings);
        this.onset = onset == null ? Onset.CURRENT : onset;
    }

    /**
     * @param daysInCare days the client must have been in care before the question applies (0: at any visit)
     */
    public RedFlagDefinition(
            String code,
            String label,
            String domain,
            String domainLabel,
            Urgency urgency,
            List<String> regions,
            boolean supportingOnly,
            List<String> testsAfterAnswer,
            List<Coding> codings,
            Onset onset,
            int daysInCare) {
        this(code, label, domain, domainLabel, urgency, regions, supportingOnly, testsAfterAnswer, codings, onset);
        this.daysInCare = Math.max(0, daysInCare);
    }

    public RedFlagDefinition(String code, String label, String domain, String domainLabel, Urgency urgency) {
        this.code = code;
        this.label = label;
        this.domain = domain;
        this.domainLabel = domainLabel;
        this.urgency = urgency;
    }

    @FactDoc(value = "The question's code.", codes = Codes.RED_FLAGS)
    public String getCode() {
        return code;
    }

    @FactDoc("The question in words.")
    public String getLabel() {
        return label;
    }

    @FactDoc(value = "The domain it screens for.", codes = Codes.RED_FLAG_DOMAINS)
    public String getDomain() {
        return domain;
    }

    @FactDoc("The domain in words.")
    public String getDomainLabel() {
        return domainLabel;
    }

    @FactDoc("The urgency of the referral a yes leads to.")
    public Urgency getUrgency() {
        return urgency;
    }

    @FactDoc(
            value =
                    "Symptom regions for which the domain is screened; a client with no symptom region gets every domain.",
            codes = Codes.SYMPTOM_REGIONS)
    public List<String> getRegions() {
        return regions;
    }

    @FactDoc("True when a yes counts only together with another red flag of the same domain.")
    public boolean isSupportingOnly() {
        return supportingOnly;
    }

    @FactDoc(
            value =
                    "Tests not requested while this question is unanswered (cervical loading tests after the vascular questions).",
            codes = Codes.TESTS)
    public List<String> getTestsAfterAnswer() {
        return testsAfterAnswer;
    }

    @FactDoc("Standard codings (SNOMED CT, ICD-10-CM) a chart answers the question with.")
    public List<Coding> getCodings() {
        return codings;
    }

    @FactDoc("What the question asks about time (a red flag that must be new is not answered by an old problem).")
    public Onset getOnset() {
        return onset;
    }

    @FactDoc(
            "Days the client must have been in care before the question can be asked (0: at any visit, the first included);"
                    + " at an earlier visit it does not apply (SAF-020).")
    public int getDaysInCare() {
        return daysInCare;
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
