package io.crosscheck.engine.facts;

/** A test that was not performed and would help settle an open pattern (why-not explanation). */
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

    /** The same test, ranked by how much its finding would change the pattern's call (higher first). */
    public MissingTest ranked(double rank) {
        this.rank = rank;
        return this;
    }

    public String getPattern() {
        return pattern;
    }

    public double getRank() {
        return rank;
    }

    public String getTestCode() {
        return testCode;
    }

    public String getTestName() {
        return testName;
    }

    @Override
    public String describe() {
        return testName + " not performed";
    }
}
