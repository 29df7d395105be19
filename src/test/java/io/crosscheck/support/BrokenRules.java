package io.crosscheck.support;

/** DRL that does not compile, for tests of how the error is reported. */
public final class BrokenRules {

    private BrokenRules() {}

    /** A rule whose condition is cut short: the compiler reports line 6. */
    public static final String SYNTAX_ERROR_AT_LINE_6 = """
            package rules.plan;
            import io.crosscheck.engine.facts.*;
            rule "BRK-001: broken"
                @id("BRK-001")
            when
                $f : Finding( code == )
            then
            end
            """;
}
