package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A test that would help settle an open pattern but is not requested yet: red-flag questions that must
 * come first are unanswered (e.g. the cervical arterial questions before tests that load the neck). The
 * why-not explanation names the questions to answer instead of the test.
 */
@FactDoc(
        value =
                "A test that would help settle an open pattern but is not requested yet, because red-flag questions that must come first are unanswered (the cervical arterial questions before tests that load the neck).",
        example = "$h : HeldTest( pattern == \"UCS\" )")
public final class HeldTest implements Conclusion {
    private final String pattern;
    private final String testCode;
    private final String testName;
    private final String domainLabel;
    private final List<String> questions;

    public HeldTest(String pattern, TestDefinition test, List<?> unanswered) {
        this.pattern = pattern;
        this.testCode = test.getCode();
        this.testName = test.getName();
        List<UnansweredRedFlag> flags = unanswered.stream()
                .filter(UnansweredRedFlag.class::isInstance)
                .map(UnansweredRedFlag.class::cast)
                .toList();
        this.domainLabel =
                flags.stream().map(UnansweredRedFlag::getDomainLabel).distinct().collect(Collectors.joining(", "));
        this.questions = flags.stream().map(UnansweredRedFlag::getCode).toList();
    }

    @FactDoc(value = "The open pattern the test would help settle.", codes = Codes.PATTERNS)
    public String getPattern() {
        return pattern;
    }

    @FactDoc(value = "The test held back.", codes = Codes.TESTS)
    public String getTestCode() {
        return testCode;
    }

    @FactDoc(value = "The red-flag questions to answer first (their codes).", codes = Codes.RED_FLAGS)
    public List<String> getQuestions() {
        return questions;
    }

    @Override
    public String describe() {
        return testName + " not requested yet: answer the " + domainLabel + " questions first ("
                + String.join(", ", questions) + ")";
    }
}
