package io.crosscheck.engine.facts;

import java.util.List;

/**
 * A health-screen question that applies to this client and was not answered. It is never read as "no":
 * the health screen stays incomplete and the plan provisional, and the plan items it could change
 * ({@link #getAffects()}) are marked as depending on it.
 */
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

    public List<String> getAffects() {
        return affects;
    }

    @Override
    public String describe() {
        return "health-screen question not answered (" + domainLabel + "): " + label;
    }
}
