package io.crosscheck.authoring.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one Java main class as a process of its own that holds nothing of the service: an empty
 * environment (only {@code PATH}, {@code LANG} and {@code TMPDIR}), a fresh temporary directory as its
 * working and temporary directory (deleted afterwards), none of the service's system properties, a
 * bounded heap, a wall-clock limit (the process tree is killed) and a bounded answer. Under Java 17 to
 * 23 it runs under a SecurityManager with {@link SandboxPolicy}; from Java 24, where the JDK has none,
 * without (the caller is told, see {@link #securityManager()}). No CDI: {@link CandidateSandbox} wires it.
 */
public final class SandboxProcess {

    /** What a run produced: the answer (stdout), the end of stderr, and how it ended. */
    record Result(byte[] stdout, String stderrTail, Integer exitCode, String failure) {
        boolean answered() {
            return failure == null && exitCode != null && exitCode == 0;
        }
    }

    private final String mainClass;
    private final Duration timeout;
    private final String maxHeap;
    private final int maxOutputBytes;
    private final List<Path> classPath;
    private final boolean securityManager;

    /**
     * @param timeout        the wall-clock limit of {@link #run}
     * @param maxOutputBytes the most the process may write on its stdout
     */
    public SandboxProcess(String mainClass, Duration timeout, String maxHeap, int maxOutputBytes) {
        this.mainClass = mainClass;
        this.timeout = timeout;
        this.maxHeap = maxHeap;
        this.maxOutputBytes = maxOutputBytes;
        // without the SLF4J binding to the JBoss log manager (see command): SLF4J logs nowhere, the rest to stderr
        this.classPath = SandboxClassPath.ofThisJvm().stream()
                .filter(p -> !p.getFileName().toString().contains("slf4j-jboss-logmanager"))
                .toList();
        this.securityManager = Runtime.version().feature() < 24;
    }

    /** Whether the process runs under a SecurityManager (Java 17 to 23). */
    public boolean securityManager() {
        return securityManager;
    }

    /** Starts the process, writes {@code input} to its stdin and collects its answer. */
    Result run(byte[] input, List<String> args) {
        return run(input, args, false);
    }

    /** {@link #run(byte[], List)} with the compiler tier of {@link #start(List, Duration, boolean)}: tests. */
    Result run(byte[] input, List<String> args, boolean optimising) {
        try (SandboxSession session = start(args, timeout, optimising)) {
            return collect(session, input);
        } catch (IOException e) {
            return new Result(new byte[0], "", null, "cannot start the check: " + e.getMessage());
        }
    }

    /**
     * Starts the process for a conversation: the caller writes its stdin and reads its stdout as they go
     * (a replay streams stored screenings in and progress out). The process is killed after {@code
     * deadline}, or when it has written more than the answer's bound; closing the session kills it if it
     * still runs and deletes its directory.
     *
     * @param optimising whether the process evaluates long enough for the optimising compiler (C2) to pay back its
     *                   compile time (a replay of thousands of screenings); otherwise it stops at C1, which compiles
     *                   sooner and cheaper (a candidate check, a small replay: bench/replay-child.md)
     */
    public SandboxSession start(List<String> args, Duration deadline, boolean optimising) throws IOException {
        Path root = Files.createTempDirectory("crosscheck-sandbox-");
        try {
            Path work = Files.createDirectory(root.resolve("work"));
            Path policy = root.resolve("sandbox.policy");
            Files.writeString(policy, SandboxPolicy.text(Path.of(System.getProperty("java.home")), classPath, work));
            ProcessBuilder pb = new ProcessBuilder(command(work, policy, args, optimising))
                    .directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("PATH", "/usr/bin:/bin");
            env.put("LANG", "C.UTF-8");
            env.put("TMPDIR", work.toString());
            return new SandboxSession(pb.start(), root, deadline, maxOutputBytes);
        } catch (IOException | RuntimeException e) {
            SandboxSession.delete(root);
            throw e;
        }
    }

    private List<String> command(Path work, Path policy, List<String> args, boolean optimising) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(List.of(
                "-Xmx" + maxHeap,
                "-XX:MaxMetaspaceSize=256m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Xshare:auto",
                "-Dfile.encoding=UTF-8",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory=" + SandboxThreads.class.getName(),
                // plain JDK logging to stderr: the JBoss log manager asks for the process handle on every record
                "-Dorg.jboss.logging.provider=jdk",
                // the logging's host name, so that it looks up neither the environment nor the network
                "-Djboss.host.name=sandbox",
                "-Djboss.qualified.host.name=sandbox.invalid",
                "-Djava.io.tmpdir=" + work,
                "-Duser.home=" + work));
        if (!optimising) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        if (securityManager) {
            cmd.add("-Djava.security.manager=allow");
            cmd.add("-Djava.security.policy==" + policy);
        }
        cmd.add("-cp");
        cmd.add(classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        cmd.add(mainClass);
        cmd.addAll(args);
        if (securityManager) {
            cmd.add("--security-manager");
        }
        return cmd;
    }

    /** The running JVM's java launcher (so the check runs on the same JDK), else java.home's. */
    static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .filter(c -> Path.of(c).getFileName().toString().startsWith("java"))
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private Result collect(SandboxSession session, byte[] input) {
        Thread in = SandboxSession.daemon("sandbox-stdin", () -> {
            try (OutputStream o = session.stdin()) {
                o.write(input);
            } catch (IOException gone) {
                // the process ended before reading everything: its exit tells why
            }
        });
        byte[] stdout;
        try (InputStream out = session.stdout()) {
            stdout = out.readAllBytes();
        } catch (IOException ended) {
            stdout = new byte[0];
        }
        Integer exit;
        try {
            exit = session.awaitExit();
            in.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(new byte[0], session.stderrTail(), null, "interrupted");
        }
        if (session.timedOut()) {
            return new Result(
                    new byte[0], session.stderrTail(), null, "did not finish within " + timeout.toSeconds() + " s");
        }
        if (session.overflowed()) {
            return new Result(
                    new byte[0], session.stderrTail(), exit, "answered more than " + maxOutputBytes + " bytes");
        }
        return new Result(stdout, session.stderrTail(), exit, null);
    }
}
