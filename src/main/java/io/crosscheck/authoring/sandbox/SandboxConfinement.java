package io.crosscheck.authoring.sandbox;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What every main run in the sandbox does first, after reading its input and before any candidate code loads. */
public final class SandboxConfinement {

    private SandboxConfinement() {}

    /**
     * Takes over standard output (returned: the answer is written there, by the caller alone; anything else
     * printing goes to stderr) and, with {@code --security-manager} among {@code args}, installs the
     * SecurityManager with the policy the launcher wrote ({@link SandboxPolicy}). Call before anything of the
     * candidate is loaded.
     */
    @SuppressWarnings({"removal", "deprecation"})
    public static OutputStream confine(String[] args) {
        OutputStream answer = System.out;
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        if (List.of(args).contains("--security-manager")) {
            System.setSecurityManager(new SecurityManager());
        }
        return answer;
    }
}
