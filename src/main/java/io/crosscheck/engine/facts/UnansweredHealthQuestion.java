package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import java.util.List;

/**
 * A health-screen question that applies to this client and was not answered. It is never read as "no":
 * the health screen stays incomplete and the plan provisional, and the plan items it could change
 * ({@link #getAffects()}) are marked as depending on it.
 */
@FactDoc(
        value =
                "A health-screen question that applies to this client and was not answered. The health screen stays incomplete, the plan provisional, and the plan items it could change are marked as depending on it.",
        example = "$question : UnansweredHealthQuestion( affects.size() > 0 )")
public final class UnansweredHealthQuestion implements UnansweredQuestion {
    private final String code;
    private final String label;
    private final String domain;
    private final String domainLabel;
    private final List<String> affects;

    public UnansweredHealthQuestion(NotRecorded question) {
        this.code = question.getCode();
        this.label = question.getLabel();
        this.domain = question.getSection();
        this.domainLabel = question.getSectionLabel();
        this.affects = question.getAffects();
    }

    @FactDoc(value = "The question's code.", codes = Codes.HEALTH_INPUTS)
    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    @FactDoc(value = "The health-screen section it belongs to.", codes = Codes.HEALTH_SECTIONS)
    public String getDomain() {
        return domain;
    }

    public String getDomainLabel() {
        return domainLabel;
    }

    @FactDoc(value = "What in the plan the answer could change (its section's `affects`).", codes = Codes.AFFECTS)
    public List<String> getAffects() {
        return affects;
    }

    @Override
    public String describe() {
        return "health-screen question not answered (" + domainLabel + "): " + label;
    }
}
