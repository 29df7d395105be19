package io.crosscheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Candidate rule sets for replay tests: a copy of this repository's rules/ with one known change. */
public final class Candidates {

    private Candidates() {}

    /** Copies rules/ to {@code dir/rules} unchanged and returns the copy. */
    public static Path copyOfRules(Path dir) {
        Path target = dir.resolve("rules");
        Path source = Path.of("rules");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * A copy of rules/ in which lower-crossed syndrome needs {@code min} distinct findings to be
     * consistent (reference/patterns.yaml, LCS consistentMinFindings; shipped value 3).
     */
    public static Path withLcsConsistentMinFindings(Path dir, int min) {
        Path rules = copyOfRules(dir);
        edit(rules.resolve("reference/patterns.yaml"), text -> {
            int lcs = text.indexOf("code: LCS");
            int at = text.indexOf("consistentMinFindings: 3", lcs);
            if (lcs < 0 || at < 0 || at > text.indexOf("- code:", lcs + 1)) {
                throw new IllegalStateException("patterns.yaml no longer has LCS consistentMinFindings: 3");
            }
            return text.substring(0, at) + "consistentMinFindings: " + min
                    + text.substring(at + "consistentMinFindings: 3".length());
        });
        return rules;
    }

    /**
     * A new hold for the hip-flexor stretch everywhere it is stated, as an author makes it: the catalogue's dose
     * ({@code "Static 10-30 s"} becomes {@code "Static <range> s"}), the Dose section of its kb-doc page ("Static holds
     * of <words> s") and the client's dose on the take-home sheet (its hold, and the catalogue dose it follows).
     */
    public static void hipFlexorHold(Path rules, Path docs, String range, String words) {
        edit(
                rules.resolve("reference/interventions.yaml"),
                t -> t.replace(
                        "dose: \"Static 10-30 s, 2-4 repetitions", "dose: \"Static " + range + " s, 2-4 repetitions"));
        edit(
                docs.resolve("interventions/hip_flexor_stretch.md"),
                t -> t.replace("Static holds of 10 to 30 s", "Static holds of " + words + " s"));
        edit(
                rules.resolve("reference/home-programme.yaml"),
                t -> t.replace(
                                "doseFrom: \"Static 10-30 s, 2-4 repetitions",
                                "doseFrom: \"Static " + range + " s, 2-4 repetitions")
                        .replace("hold: 10 to 30 seconds, or", "hold: " + words + " seconds, or"));
        spanishHipFlexorHold(rules, words);
    }

    /**
     * The Spanish client text follows the English, as an author's change must (the linter reports a stale
     * translation): the hold in Spanish, and {@code translatedFrom} set to the edited English's fingerprint.
     */
    private static void spanishHipFlexorHold(Path rules, String words) {
        Path spanish = rules.resolve("reference/translations/es/home-programme.yaml");
        if (!Files.exists(spanish)) {
            return;
        }
        String fingerprint;
        try {
            io.crosscheck.engine.HomeProgramme home = io.crosscheck.common.json.Yaml.strict()
                    .visibility(
                            com.fasterxml.jackson.annotation.PropertyAccessor.FIELD,
                            com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
                    .build()
                    .readValue(
                            Files.readString(rules.resolve("reference/home-programme.yaml")),
                            io.crosscheck.engine.HomeProgramme.class);
            fingerprint = io.crosscheck.engine.HomeProgrammeTranslation.fingerprint(
                    home.exercise("hip_flexor_stretch").orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        edit(
                spanish,
                t -> t.replaceFirst("(?s)(- id: hip_flexor_stretch\\s+translatedFrom: )[0-9a-f]+", "$1" + fingerprint)
                        .replace(
                                "hold: De 10 a 30 segundos, o",
                                "hold: De " + words.replace(" to ", " a ") + " segundos, o"));
    }

    /**
     * The threshold change: forward head is a craniovertebral angle below 48 deg instead of 50, with its boundary
     * scenario and every kb-docs page quoting it, as an author makes it (the candidate passes validation). A client
     * with a CVA of 49 deg and one other upper-crossed finding goes from consistent to partial.
     */
    public static void cvaThreshold48(Path rules, Path docs) {
        edit(
                rules.resolve("reference/thresholds.yaml"),
                t -> t.replace(
                        "id: cva_forward_head, label: craniovertebral angle, comparator: \"<\", value: 50,",
                        "id: cva_forward_head, label: craniovertebral angle, comparator: \"<\", value: 48,"));
        edit(
                rules.resolve("scenarios/boundary-cva-49-9-forward-head.yaml"),
                t -> t.replace("value: 49.9, unit: deg", "value: 47.9, unit: deg"));
        edit(
                docs.resolve("rules/UCS-001.md"),
                t -> t.replace("`cva_forward_head`: < 50 deg", "`cva_forward_head`: < 48 deg")
                        .replace("50°](kb:threshold/cva_forward_head)", "48°](kb:threshold/cva_forward_head)"));
        edit(
                docs.resolve("reference.md"),
                t -> t.replace("| `cva_forward_head` | < 50 |", "| `cva_forward_head` | < 48 |"));
        edit(
                docs.resolve("index.md"),
                t -> t.replace("CVA < 50°", "CVA < 48°")
                        .replace("`cva_forward_head` (< 50)", "`cva_forward_head` (< 48)"));
    }

    public static void edit(Path file, java.util.function.UnaryOperator<String> change) {
        try {
            String before = Files.readString(file);
            String after = change.apply(before);
            if (after.equals(before)) {
                throw new IllegalStateException("edit changed nothing in " + file);
            }
            Files.writeString(file, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
