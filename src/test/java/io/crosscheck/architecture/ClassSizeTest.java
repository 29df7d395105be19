package io.crosscheck.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No main class is longer than 300 lines (issue 19): a class that grows past it is split by job, as its next owner
 * would want it. Every file under {@code src/main/java} is counted as the formatter leaves it (Spotless runs before
 * the tests); the failure names each offender with its line count, longest first. The check is shown to bite on a
 * small tree of its own.
 */
class ClassSizeTest {

    static final int MAX_LINES = 300;
    static final Path MAIN = Path.of("src/main/java");

    @Test
    void noMainClassIsLongerThanThreeHundredLines() {
        assertThat(MAIN).as("run from the project directory").isDirectory();
        assertThat(files(MAIN)).as("main sources found").hasSizeGreaterThan(100);
        List<String> offenders = longerThan(MAIN, MAX_LINES);
        assertThat(offenders)
                .withFailMessage(
                        "%d main file(s) over %d lines; split each by job:%n  %s",
                        offenders.size(), MAX_LINES, String.join(System.lineSeparator() + "  ", offenders))
                .isEmpty();
    }

    @Test
    void aFileOverTheLimitIsNamedWithItsLineCountAndOneAtTheLimitIsNot(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("io/crosscheck/sample"));
        Files.write(dir.resolve("AtTheLimit.java"), Collections.nCopies(300, "//"));
        Files.write(dir.resolve("OneOver.java"), Collections.nCopies(301, "//"));
        Files.write(dir.resolve("FarOver.java"), Collections.nCopies(600, "//"));

        assertThat(longerThan(root, 300))
                .containsExactly(
                        "io/crosscheck/sample/FarOver.java: 600 lines", "io/crosscheck/sample/OneOver.java: 301 lines");
    }

    /** Each file under {@code root} with more than {@code max} lines, as "path: n lines", longest first. */
    static List<String> longerThan(Path root, int max) {
        return files(root).stream()
                .map(f -> Map.entry(root.relativize(f).toString().replace('\\', '/'), lines(f)))
                .filter(e -> e.getValue() > max)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + ": " + e.getValue() + " lines")
                .toList();
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
