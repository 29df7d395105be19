package io.crosscheck.engine.facts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A test that would help settle an open pattern but is not requested yet: red-flag questions that must
 * come first are unanswered (e.g. the cervical arterial questions before tests that load the neck). The
 * why-not explanation names the questions to answer instead of the test.
 */
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

    public String getPattern() {
        return pattern;
    }

    public String getTestCode() {
        return testCode;
    }

    public List<String> getQuestions() {
        return questions;
    }

    @Override
    public String describe() {
        return testName + " not requested yet: answer the " + domainLabel + " questions first ("
                + String.join(", ", questions) + ")";
    }
}
