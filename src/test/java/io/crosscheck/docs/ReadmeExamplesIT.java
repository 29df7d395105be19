package io.crosscheck.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosscheck.support.Candidates;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every curl example in the documentation runs, as written, as a process against the packaged
 * application: README.md, every page under docs/ and rules/README.md, in the order of
 * {@link #documentationInOrder()} (later examples use what earlier ones made: the users, a screening's id,
 * a candidate archive, an EHR key). Only the port and the ids a reader would copy from an earlier response
 * are substituted. {@code --fail-with-body} is added so an HTTP error fails the example. The number of
 * examples run is printed and checked per file, so a page whose examples stop being found fails too.
 */
@QuarkusIntegrationTest
@TestProfile(ReadmeExamplesIT.AsTheReadmeSays.class)
// Runs once per CI, on the H2 leg (.ci/run excludes the tag on PostgreSQL): what it checks does not depend on the
// database.
@Tag("once")
class ReadmeExamplesIT {

    /**
     * The service started as the README starts it: on a fresh database (the README describes a new
     * installation, whose first administrator is created from its run command's password), not on the
     * one the other tests of the run have filled. On PostgreSQL a database of its own is created beside
     * the run's; on H2 a new in-memory one.
     */
    public static class AsTheReadmeSays implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "crosscheck.security.initial-admin.password",
                    "change-me-now",
                    "crosscheck.jdbc-url",
                    freshDatabase());
        }

        private static String freshDatabase() {
            String url = System.getProperty("crosscheck.jdbc-url", "");
            if (!url.startsWith("jdbc:postgresql:")) {
                return "jdbc:h2:mem:readme-examples;DB_CLOSE_DELAY=-1";
            }
            String name = "crosscheck_readme_examples";
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                            url, System.getProperty("crosscheck.db-user", "postgres"), "");
                    java.sql.Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name);
                s.execute("create database " + name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot create the README examples' database", e);
            }
            return url.substring(0, url.lastIndexOf('/') + 1) + name;
        }
    }

    private static final Pattern UUID_IN_SCREENINGS = Pattern.compile("/screenings/[0-9a-f-]{36}");
    private static final Pattern VERSION = Pattern.compile("sha256:[0-9a-f]{16}");
    /** One or more variable assignments on a line: {@code A='-u alice:...'; P=http://...}. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "[A-Z_]+=('[^']*'|\\$\\([^)]*\\)|[^\\s;]+)(\\s*;\\s*[A-Z_]+=('[^']*'|\\$\\([^)]*\\)|[^\\s;]+))*;?");

    @TempDir
    Path tmp;

    /** Pages run right after the README, in this order: each uses what the pages before it made. */
    private static final List<Path> FIRST_PAGES = List.of(
            Path.of("docs/api.md"),
            Path.of("docs/web-ui.md"),
            Path.of("docs/authoring.md"),
            Path.of("docs/ehr-integration.md"),
            Path.of("docs/operations.md"));
    /** The last page of docs/: its privacy examples erase the README's client. */
    private static final Path LAST_PAGE = Path.of("docs/security.md");
    /** The files that must have examples (the rest of docs/ may or may not). */
    private static final Set<Path> WITH_EXAMPLES = Set.of(
            Path.of("README.md"),
            Path.of("docs/api.md"),
            Path.of("docs/authoring.md"),
            Path.of("docs/ehr-integration.md"),
            Path.of("docs/operations.md"),
            Path.of("docs/security.md"),
            Path.of("rules/README.md"));

    @Test
    void everyCurlExampleInTheReadmeTheDocsAndTheRulesGuideRunsAgainstThePackagedApplication() throws Exception {
        List<Path> files = documentationInOrder();
        List<Example> examples = new ArrayList<>();
        Map<Path, Integer> found = new LinkedHashMap<>();
        for (Path file : files) {
            List<String> commands = curlCommands(file);
            found.put(file, commands.size());
            commands.forEach(c -> examples.add(new Example(file, c)));
        }
        assertThat(examples).as("curl examples found").hasSizeGreaterThanOrEqualTo(15);
        for (Path file : WITH_EXAMPLES) {
            assertThat(found.get(file))
                    .as("curl examples found in %s", file)
                    .isNotNull()
                    .isPositive();
        }

        String base = "http://localhost:" + RestAssured.port;
        Path candidate = Candidates.copyOfRules(tmp.resolve("candidate"));
        copyTree(Path.of("kb-docs"), candidate.getParent().resolve("kb-docs"));
        String screeningId = null;
        String replayId = null;
        String version = null;
        Map<Path, Integer> ran = new LinkedHashMap<>();
        for (Example each : examples) {
            String example = each.command();
            String[] credentials = credentials(example);
            if (version == null && VERSION.matcher(example).find()) {
                version = request(credentials)
                        .get("/api/v1/knowledge-base")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("version");
            }
            String cmd = example.replace("http://localhost:8080", base)
                    .replace("/path/to/candidate/rules", candidate.toString())
                    .replace("/tmp/candidate/rules", candidate.toString())
                    .replace("cd /tmp/candidate ", "cd " + candidate.getParent() + " ")
                    .replaceAll("(^|; )curl ", "$1curl --fail-with-body --max-time 120 ");
            if (version != null) {
                cmd = VERSION.matcher(cmd).replaceAll(version);
            }
            if (screeningId != null) {
                cmd = UUID_IN_SCREENINGS.matcher(cmd).replaceAll("/screenings/" + screeningId);
            }
            if (cmd.contains("/replays/{id}")) {
                assertThat(replayId)
                        .as("a replay was started before " + example)
                        .isNotNull();
                cmd = cmd.replace("{id}", replayId);
            }
            Run run = bash(cmd);
            assertThat(run.status)
                    .as("example of %s: %s%noutput: %s", each.file(), example, run.out)
                    .isZero();
            ran.merge(each.file(), 1, Integer::sum);
            Matcher seen = Pattern.compile("\"version\"\\s*:\\s*\"(sha256:[0-9a-f]{16})\"")
                    .matcher(run.out);
            if (seen.find()) {
                version = seen.group(1);
            }
            if (example.contains("-X POST")
                    && example.contains("/api/v1/screenings")
                    && !example.contains("/replays")
                    && !example.contains("/disagreements")) {
                // a new screening, or a new version of one (amendment): later examples use it
                screeningId = field(run.out, "id");
            }
            if (example.contains("-X POST") && (example.contains("/replays") || example.contains("/impact"))) {
                // a replay job: a replay of a candidate, or a rule's impact (a replay with the rule switched off)
                replayId = field(run.out, "id");
                awaitReplay(replayId, credentials);
            }
        }
        assertThat(screeningId).isNotNull();
        assertThat(replayId).isNotNull();
        for (Path file : files) {
            System.out.printf("ReadmeExamplesIT: %s: %d curl examples run%n", file, ran.getOrDefault(file, 0));
            assertThat(ran.getOrDefault(file, 0))
                    .as("examples run from %s", file)
                    .isEqualTo(found.get(file));
        }
    }

    /**
     * README.md, then docs/ (the pages of {@link #FIRST_PAGES}, every other page under docs/ in name order,
     * {@link #LAST_PAGE} last), then rules/README.md.
     */
    static List<Path> documentationInOrder() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("README.md"));
        files.addAll(FIRST_PAGES);
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .filter(p -> !files.contains(p) && !p.equals(LAST_PAGE))
                    .forEach(files::add);
        }
        files.add(LAST_PAGE);
        files.add(Path.of("rules/README.md"));
        return files;
    }

    /** A runnable command and the Markdown file it is written in. */
    private record Example(Path file, String command) {}

    /**
     * The runnable commands of a Markdown file's bash blocks: every curl command, and the shell lines a
     * reader runs between them (variable assignments such as {@code A='-u alice:...'} or {@code TOKEN=$(bin/crosscheck cds-token ...)}, which are put in
     * front of every later command of the block, and preparation steps in parentheses such as
     * {@code (zip ...)}). Continuation lines are joined and trailing comments dropped.
     */
    static List<String> curlCommands(Path markdown) throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        StringBuilder current = null;
        String assignments = "";
        for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.startsWith("```")) {
                inBash = !inBash && t.equals("```bash");
                assignments = "";
                continue;
            }
            if (!inBash) {
                continue;
            }
            String code = t.replaceFirst("\\s+#\\s.*$", "");
            if (current == null && ASSIGNMENT.matcher(code).matches()) {
                assignments += code.replaceFirst(";\\s*$", "") + "; ";
                continue;
            }
            if (current == null && code.startsWith("(") && code.endsWith(")")) {
                commands.add(assignments + code);
                continue;
            }
            if (current == null && !code.startsWith("curl ")) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder(assignments);
            }
            if (code.endsWith("\\")) {
                current.append(code, 0, code.length() - 1).append(' ');
            } else {
                commands.add(current.append(code).toString().strip());
                current = null;
            }
        }
        return commands;
    }

    /** The {@code -u user:password} an example authenticates with (directly or through a variable), or null. */
    private static String[] credentials(String example) {
        Matcher m = Pattern.compile("-u\\s+'?([^\\s':]+):([^\\s']+)").matcher(example);
        return m.find() ? new String[] {m.group(1), m.group(2)} : null;
    }

    private static io.restassured.specification.RequestSpecification request(String[] credentials) {
        return credentials == null ? given() : given().auth().preemptive().basic(credentials[0], credentials[1]);
    }

    private static void awaitReplay(String id, String[] credentials) {
        await("replay " + id + " finished")
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .atMost(Duration.ofMinutes(3))
                .until(
                        () -> request(credentials)
                                .get("/api/v1/knowledge-base/replays/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("state"),
                        state -> !"running".equals(state));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("response has \"%s\": %s", name, json).isTrue();
        return m.group(1);
    }

    private record Run(int status, String out) {}

    private Run bash(String command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "curl", ".out");
        Process p = new ProcessBuilder("bash", "-c", command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** A copy of a directory tree (the candidate's kb-docs/ beside its rules/, as rules/README.md zips them). */
    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
