package io.crosscheck.authoring.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/draw-exercise-pictures run as a process, as an author runs it: it exits 0, says how many pictures it drew and
 * where, draws exactly the committed pictures (so they are reproducible from the script), and each passes the picture
 * check the linter and the server apply.
 */
class DrawExercisePicturesScriptTest {

    static final Path COMMITTED = Path.of("kb-docs/interventions/pictures");

    @TempDir
    Path out;

    @Test
    void theScriptDrawsTheCommittedPicturesAndEachPassesThePictureCheck() throws Exception {
        Process p = new ProcessBuilder("bin/draw-exercise-pictures", out.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        long committed = count(COMMITTED);
        assertThat(output.strip()).isEqualTo(committed + " pictures in " + out.normalize());

        try (Stream<Path> drawn = Files.list(out)) {
            for (Path svg : drawn.toList()) {
                String text = Files.readString(svg);
                assertThat(text)
                        .as(svg.getFileName() + " equals the committed picture")
                        .isEqualTo(Files.readString(COMMITTED.resolve(svg.getFileName())));
                assertThat(ExercisePictures.check(text))
                        .as(svg.getFileName().toString())
                        .isEmpty();
            }
        }
        assertThat(count(out)).isEqualTo(committed);
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".svg")).count();
        }
    }
}
