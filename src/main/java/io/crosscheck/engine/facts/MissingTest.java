package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** A test that was not performed and would help settle an open pattern (why-not explanation). */
@FactDoc(
        value =
                "A test that was not performed and would help settle an open pattern (why-not explanations, WHY- rules).",
        example = "$m : MissingTest( pattern == \"UCS\", testCode == \"craniocervical_flexion\" )")
public final class MissingTest implements Conclusion {
    private final String pattern;
    private final String testCode;
    private final String testName;
    private double rank;

    public MissingTest(String pattern, TestDefinition test) {
        this.pattern = pattern;
        this.testCode = test.getCode();
        this.testName = test.getName();
    }

    /** A test of one muscle, e.g. clinician-rated length of the upper trapezius: code {@code test:muscle}. */
    public MissingTest(String pattern, TestDefinition test, String muscle) {
        this.pattern = pattern;
        this.testCode = test.getCode() + ":" + muscle;
        this.testName = test.getName() + " of " + muscle.replace('_', ' ');
    }

    @FactDoc("The same missing test with its rank, e.g. `new MissingTest( ... ).ranked( $open.gainFrom( $missing ) )`.")
    public MissingTest ranked(double rank) {
        this.rank = rank;
        return this;
    }

    @FactDoc(value = "The open pattern the test would help settle.", codes = Codes.PATTERNS)
    public String getPattern() {
        return pattern;
    }

    @FactDoc("How much its finding would change the pattern's call (higher first); set with `ranked(...)`.")
    public double getRank() {
        return rank;
    }

    @FactDoc(
            value =
                    "The test's code; for a test of one muscle `test:muscle` (`clinician_rated_length:upper_trapezius`).",
            codes = Codes.TESTS)
    public String getTestCode() {
        return testCode;
    }

    @FactDoc("The test in words.")
    public String getTestName() {
        return testName;
    }

    @Override
    public String describe() {
        return testName + " not performed";
    }
}
