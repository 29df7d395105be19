package io.crosscheck.authoring.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A class-path-level probe of the sandbox, independent of the rules: started by the same launcher as
 * {@link CandidateCheckMain}, confined the same way ({@link CandidateCheckMain#confine}), it tries what a
 * hostile candidate would and prints one line per attempt. Its arguments: a file to read, a file to
 * write, a port to connect to.
 */
public final class SandboxProbeMain {

    public static void main(String[] args) throws IOException {
        // the highest compiler tier the process was started with (read before the confinement, which denies it)
        String tier = java.lang.management.ManagementFactory.getPlatformMXBean(
                        com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("TieredStopAtLevel")
                .getValue();
        var answer = SandboxConfinement.confine(args);
        List<String> lines = new ArrayList<>();
        lines.add("tier=" + tier);
        lines.add("env=" + attempt(() -> System.getenv().toString()));
        lines.add("jdbc=" + System.getProperty("crosscheck.jdbc-url"));
        lines.add("dir=" + Path.of("").toAbsolutePath());
        lines.add("read=" + attempt(() -> Files.readString(Path.of(args[0]))));
        lines.add("write="
                + attempt(() -> Files.writeString(Path.of(args[1]), "probe").toString()));
        lines.add("tmp="
                + attempt(() -> Files.writeString(Files.createTempFile("probe", ".txt"), "ok")
                        .toString()));
        lines.add("exec="
                + attempt(
                        () -> String.valueOf(new ProcessBuilder("true").start().waitFor())));
        lines.add("connect="
                + attempt(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[2])), 2000);
                        return "connected";
                    }
                }));
        answer.write(String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        answer.flush();
        System.exit(0);
    }

    private interface Attempt {
        String run() throws Exception;
    }

    private static String attempt(Attempt a) {
        try {
            return "allowed:" + a.run();
        } catch (Exception | Error e) {
            return "denied:" + e.getClass().getSimpleName();
        }
    }
}
