package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * A test that must not be asked for this client, with the reason: the trunk curl-up test is loaded spinal flexion,
 * which is avoided with osteoporosis. The why-not rules (WHY-) never name a withheld test as missing.
 */
@FactDoc(
        value =
                "A test that must not be asked for this client, with the reason (the trunk curl-up is loaded spinal flexion, avoided with osteoporosis). Why-not rules never name a withheld test as missing.",
        example = "not TestWithheld( testCode == \"trunk_curl_up\" )")
public final class TestWithheld implements Conclusion {
    private final String testCode;
    private final String testName;
    private final String reason;

    public TestWithheld(TestDefinition test, String reason) {
        this.testCode = test.getCode();
        this.testName = test.getName();
        this.reason = reason;
    }

    @FactDoc(value = "The test withheld.", codes = Codes.TESTS)
    public String getTestCode() {
        return testCode;
    }

    @FactDoc("The test in words.")
    public String getTestName() {
        return testName;
    }

    @FactDoc("Why it must not be asked, in words.")
    public String getReason() {
        return reason;
    }

    @Override
    public String describe() {
        return "do not ask for the " + testName + ": " + reason;
    }
}
