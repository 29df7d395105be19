package io.crosscheck.authoring.sandbox;

import java.nio.file.Path;

/**
 * Rules whose consequence does what no rule may: each fires in every scenario (a {@code ClientContext}
 * is always there) and reports what it got by failing with it as its message, which a scenario failure
 * carries into the check's answer.
 */
public final class HostileRules {

    private HostileRules() {}

    private static String rule(String then) {
        return """
                package rules.plan;
                import io.crosscheck.engine.facts.*;

                rule "PRB-001: probe"
                    @id("PRB-001")
                    ruleflow-group "safety"
                when
                    $c : ClientContext()
                then
                    %s
                end
                """.formatted(then);
    }

    /** Writes {@code marker}. */
    public static String writing(Path marker) {
        return rule("java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"the rule ran\");");
    }

    /** Fails with the content of {@code file}. */
    public static String reading(Path file) {
        return rule(
                "throw new IllegalStateException(\"READ:\" + java.nio.file.Files.readString(java.nio.file.Path.of(\""
                        + file + "\")));");
    }

    /** Fails with the process environment and the system properties it sees. */
    public static String environment() {
        return rule(
                "throw new IllegalStateException(\"ENV:\" + System.getenv() + \" PROPS:\" + System.getProperties());");
    }
}
