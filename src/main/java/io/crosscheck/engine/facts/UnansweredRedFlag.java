package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import java.util.List;

/**
 * A red-flag question that applies to the client (its domain covers one of the symptom regions, or
 * no region was given) and was not answered. An unanswered question is never read as "no".
 */
@FactDoc(
        value =
                "A red-flag question that applies to the client (its domain covers a symptom region, or no region was given) and was not answered. Never read as no.",
        example = "$u : UnansweredRedFlag( domain == \"cauda_equina\" )")
public final class UnansweredRedFlag implements UnansweredQuestion {
    private final String code;
    private final String label;
    private final String domain;
    private final String domainLabel;
    private final List<String> testsAfterAnswer;

    public UnansweredRedFlag(RedFlagDefinition definition) {
        this.code = definition.getCode();
        this.label = definition.getLabel();
        this.domain = definition.getDomain();
        this.domainLabel = definition.getDomainLabel();
        this.testsAfterAnswer = definition.getTestsAfterAnswer();
    }

    @FactDoc(value = "The question's code.", codes = Codes.RED_FLAGS)
    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    @FactDoc(value = "Its red-flag domain.", codes = Codes.RED_FLAG_DOMAINS)
    public String getDomain() {
        return domain;
    }

    public String getDomainLabel() {
        return domainLabel;
    }

    @FactDoc(value = "Tests that wait until this question is answered.", codes = Codes.TESTS)
    public List<String> getTestsAfterAnswer() {
        return testsAfterAnswer;
    }

    @Override
    public String describe() {
        return "red-flag question not answered (" + domainLabel + "): " + label;
    }
}
