package io.crosscheck.authoring.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one Java main class as a process of its own that holds nothing of the service: an empty
 * environment (only {@code PATH}, {@code LANG} and {@code TMPDIR}), a fresh temporary directory as its
 * working and temporary directory (deleted afterwards), none of the service's system properties, a
 * bounded heap, a wall-clock limit (the process tree is killed) and a bounded answer. Under Java 17 to
 * 23 it runs under a SecurityManager with {@link SandboxPolicy}; from Java 24, where the JDK has none,
 * without (the caller is told, see {@link #securityManager()}). No CDI: {@link CandidateSandbox} wires it.
 */
final class SandboxProcess {

    /** What a run produced: the answer (stdout), the end of stderr, and how it ended. */
    record Result(byte[] stdout, String stderrTail, Integer exitCode, String failure) {
        boolean answered() {
            return failure == null && exitCode != null && exitCode == 0;
        }
    }

    private static final int STDERR_TAIL = 4096;

    private final String mainClass;
    private final Duration timeout;
    private final String maxHeap;
    private final int maxOutputBytes;
    private final List<Path> classPath;
    private final boolean securityManager;

    SandboxProcess(String mainClass, Duration timeout, String maxHeap, int maxOutputBytes) {
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
    boolean securityManager() {
        return securityManager;
    }

    /** Starts the process, writes {@code input} to its stdin and collects its answer. */
    Result run(byte[] input, List<String> args) {
        Path root;
        try {
            root = Files.createTempDirectory("crosscheck-sandbox-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sandbox's temporary directory", e);
        }
        try {
            Path work = Files.createDirectory(root.resolve("work"));
            Path policy = root.resolve("sandbox.policy");
            Files.writeString(policy, SandboxPolicy.text(Path.of(System.getProperty("java.home")), classPath, work));
            ProcessBuilder pb = new ProcessBuilder(command(work, policy, args))
                    .directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("PATH", "/usr/bin:/bin");
            env.put("LANG", "C.UTF-8");
            env.put("TMPDIR", work.toString());
            return collect(pb.start(), input);
        } catch (IOException e) {
            return new Result(new byte[0], "", null, "cannot start the check: " + e.getMessage());
        } finally {
            delete(root);
        }
    }

    private List<String> command(Path work, Path policy, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(List.of(
                "-Xmx" + maxHeap,
                "-XX:MaxMetaspaceSize=256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
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

    private Result collect(Process process, byte[] input) {
        Bounded stdout = new Bounded(maxOutputBytes, false);
        Bounded stderr = new Bounded(STDERR_TAIL, true);
        Thread in = daemon("sandbox-stdin", () -> {
            try (OutputStream o = process.getOutputStream()) {
                o.write(input);
            } catch (IOException gone) {
                // the process ended before reading everything: its exit tells why
            }
        });
        Thread out = daemon("sandbox-stdout", () -> stdout.drain(process.getInputStream(), process));
        Thread err = daemon("sandbox-stderr", () -> stderr.drain(process.getErrorStream(), process));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return new Result(
                        new byte[0], stderr.text(), null, "did not finish within " + timeout.toSeconds() + " s");
            }
            out.join(5000);
            err.join(5000);
            in.join(1000);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return new Result(new byte[0], stderr.text(), null, "interrupted");
        }
        if (stdout.overflowed) {
            return new Result(
                    new byte[0], stderr.text(), process.exitValue(), "answered more than " + maxOutputBytes + " bytes");
        }
        return new Result(stdout.bytes(), stderr.text(), process.exitValue(), null);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A stream drained into memory, at most {@code max} bytes (the head, or the tail when {@code keepTail}). */
    private static final class Bounded {
        private final int max;
        private final boolean keepTail;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        volatile boolean overflowed;

        Bounded(int max, boolean keepTail) {
            this.max = max;
            this.keepTail = keepTail;
        }

        void drain(InputStream in, Process process) {
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    synchronized (this) {
                        if (buffer.size() + n > max) {
                            if (!keepTail) {
                                overflowed = true;
                                kill(process);
                                return;
                            }
                            byte[] all = buffer.toByteArray();
                            buffer.reset();
                            int keep = Math.max(0, max - n);
                            buffer.write(all, Math.max(0, all.length - keep), Math.min(keep, all.length));
                        }
                        buffer.write(chunk, 0, Math.min(n, max));
                    }
                }
            } catch (IOException ended) {
                // the process was killed
            }
        }

        synchronized byte[] bytes() {
            return buffer.toByteArray();
        }

        synchronized String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the system's temporary directory is cleaned eventually
        }
    }
}
