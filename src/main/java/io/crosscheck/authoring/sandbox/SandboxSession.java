package io.crosscheck.authoring.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A running sandbox process ({@link SandboxProcess#start}): its stdin to write, its stdout to read (at most
 * the answer's bound, beyond which the process is killed), the tail of its stderr, and a watchdog that kills
 * the process tree at its deadline. Closing it kills the process if it still runs and deletes its
 * temporary directory.
 */
public final class SandboxSession implements AutoCloseable {

    private static final int STDERR_TAIL = 4096;

    private final Process process;
    private final Path root;
    private final Duration deadline;
    private final InputStream stdout;
    private final Tail stderr = new Tail(STDERR_TAIL);
    private final Thread stderrDrain;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final AtomicBoolean overflowed = new AtomicBoolean();

    SandboxSession(Process process, Path root, Duration deadline, int maxOutputBytes) {
        this.process = process;
        this.root = root;
        this.deadline = deadline;
        this.stdout = new Bounded(process.getInputStream(), maxOutputBytes);
        this.stderrDrain = daemon("sandbox-stderr", () -> stderr.drain(process.getErrorStream()));
        daemon("sandbox-deadline", () -> {
            try {
                if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    kill(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The process's stdin; close it to say the input has ended. */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** The process's stdout, ending (and the process killed) after the answer's bound. */
    public InputStream stdout() {
        return stdout;
    }

    /** Waits for the process to end (at the latest, at its deadline) and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        int exit = process.waitFor();
        stderrDrain.join(5000);
        return exit;
    }

    /** Whether the process was killed at its deadline. */
    public boolean timedOut() {
        return timedOut.get();
    }

    /** The deadline the process was started with. */
    public Duration deadline() {
        return deadline;
    }

    /** Whether the process wrote more than the answer's bound (and was killed for it). */
    public boolean overflowed() {
        return overflowed.get();
    }

    /** The last few KiB the process wrote on stderr: the candidate's to write, never to be logged. */
    public String stderrTail() {
        return stderr.text();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill(process);
        }
        delete(root);
    }

    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the system's temporary directory is cleaned eventually
        }
    }

    /** Stdout up to a bound: reading past it kills the process and ends the stream. */
    private final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (overflowed.get()) {
                return -1;
            }
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > max) {
                overflowed.set(true);
                kill(process);
                return -1;
            }
            return n;
        }
    }

    /** The last {@code max} bytes of a stream. */
    private static final class Tail {
        private final int max;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Tail(int max) {
            this.max = max;
        }

        void drain(InputStream in) {
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    synchronized (this) {
                        if (buffer.size() + n > max) {
                            byte[] all = buffer.toByteArray();
                            buffer.reset();
                            int keep = Math.max(0, max - n);
                            buffer.write(all, Math.max(0, all.length - keep), Math.min(keep, all.length));
                        }
                        buffer.write(chunk, Math.max(0, n - max), Math.min(n, max));
                    }
                }
            } catch (IOException ended) {
                // the process was killed
            }
        }

        synchronized String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
