package io.crosscheck.engine.facts;

/**
 * A test that must not be asked for this client, with the reason: the trunk curl-up test is loaded spinal flexion,
 * which is avoided with osteoporosis. The why-not rules (WHY-) never name a withheld test as missing.
 */
public final class TestWithheld implements Conclusion {
    private final String testCode;
    private final String testName;
    private final String reason;

    public TestWithheld(TestDefinition test, String reason) {
        this.testCode = test.getCode();
        this.testName = test.getName();
        this.reason = reason;
    }

    public String getTestCode() {
        return testCode;
    }

    public String getTestName() {
        return testName;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String describe() {
        return "do not ask for the " + testName + ": " + reason;
    }
}
