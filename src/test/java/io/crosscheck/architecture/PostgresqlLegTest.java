package io.crosscheck.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL leg of CI runs only the tests whose result can depend on the database: those that start the
 * application on the configured datasource. Every other test class (no application, or an H2 database of its own)
 * is listed in {@code src/test/database-independent-tests.txt}, which the {@code postgresql} profile gives surefire
 * as its excludes file. A new test class that starts no application fails here until it is listed (else it runs
 * twice for the same result); a Quarkus test that a line would drop from PostgreSQL fails here too.
 */
class PostgresqlLegTest {

    static final Path TESTS = Path.of("src/test/java");
    static final Path LIST = Path.of("src/test/database-independent-tests.txt");
    /** What JUnit Jupiter and jqwik run as a test. */
    static final Set<String> TEST_METHODS =
            Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate", "Property", "Example");

    static final Set<String> APPLICATION_TESTS = Set.of(
            "io.quarkus.test.junit.QuarkusTest",
            "io.quarkus.test.junit.QuarkusIntegrationTest",
            "io.quarkus.test.junit.main.QuarkusMainTest");

    /** The test classes and the list's patterns, read once for all the checks. */
    static final List<String> CLASSES = testClasses();

    static final List<String> LIST_LINES = lines(LIST);

    static final List<PathMatcher> LINES =
            LIST_LINES.stream().map(PostgresqlLegTest::matcher).toList();

    @Test
    void everyTestClassThatStartsNoApplicationRunsOnTheH2LegOnly() {
        List<String> missing = CLASSES.stream()
                .filter(path -> !startsTheApplication(path))
                .filter(path -> !listed(path))
                .toList();
        assertThat(missing)
                .withFailMessage(
                        "test classes that start no application but would run on the PostgreSQL leg as well;"
                                + " add each to %s:%n  %s",
                        LIST, String.join(System.lineSeparator() + "  ", missing))
                .isEmpty();
    }

    @Test
    void noTestThatStartsTheApplicationIsLeftOutOfThePostgresqlLeg() {
        List<String> dropped = CLASSES.stream()
                .filter(PostgresqlLegTest::startsTheApplication)
                .filter(PostgresqlLegTest::listed)
                .toList();
        assertThat(dropped)
                .withFailMessage(
                        "Quarkus tests matched by a line of %s, so never run on PostgreSQL:%n  %s",
                        LIST, String.join(System.lineSeparator() + "  ", dropped))
                .isEmpty();
    }

    @Test
    void everyLineOfTheListMatchesATestClass() {
        List<String> stale = LIST_LINES.stream()
                .filter(line -> {
                    PathMatcher m = matcher(line);
                    return CLASSES.stream().noneMatch(c -> m.matches(Path.of(c)));
                })
                .toList();
        assertThat(stale).as("lines of %s that match no test class", LIST).isEmpty();
    }

    @Test
    void theMatchingFollowsSurefiresPatterns() {
        assertThat(matcher("io/crosscheck/engine/**").matches(Path.of("io/crosscheck/engine/RuleEngineTest.java")))
                .isTrue();
        assertThat(matcher("io/crosscheck/engine/**").matches(Path.of("io/crosscheck/engine/drl/DrlFilesTest.java")))
                .isTrue();
        assertThat(matcher("io/crosscheck/docs/*Test.java").matches(Path.of("io/crosscheck/docs/ReadmeTest.java")))
                .isTrue();
        assertThat(matcher("io/crosscheck/docs/*Test.java").matches(Path.of("io/crosscheck/docs/sub/ATest.java")))
                .isFalse();
        assertThat(startsTheApplication("io/crosscheck/architecture/PostgresqlLegTest.java"))
                .isFalse();
        assertThat(hasTests("io/crosscheck/support/TestUsers.java")).isFalse();
        assertThat(hasTests("io/crosscheck/architecture/PostgresqlLegTest.java"))
                .isTrue();
        assertThat(startsTheApplication("io/crosscheck/screening/rest/ScreeningApiTest.java"))
                .isTrue();
        // a packaged-jar subclass carries its own annotation
        assertThat(startsTheApplication("io/crosscheck/screening/rest/ScreeningApiIT.java"))
                .isTrue();
    }

    /** The test classes surefire selects by name (its default includes), as paths under src/test/java. */
    static List<String> testClasses() {
        return namedLikeTests().stream().filter(PostgresqlLegTest::hasTests).toList();
    }

    static List<String> namedLikeTests() {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> TESTS.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> p.matches(".*/(Test[^/]*|[^/]*Test|[^/]*Tests|[^/]*TestCase)\\.java"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the class, a superclass or a nested class declares a test method (a helper such as TestUsers does not). */
    static boolean hasTests(String path) {
        return hasTests(load(path));
    }

    private static boolean hasTests(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (var method : c.getDeclaredMethods()) {
                for (Annotation a : method.getDeclaredAnnotations()) {
                    if (TEST_METHODS.contains(a.annotationType().getSimpleName())) {
                        return true;
                    }
                }
            }
            for (Class<?> nested : c.getDeclaredClasses()) {
                if (hasTests(nested)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Class<?> load(String path) {
        String name = path.substring(0, path.length() - ".java".length()).replace('/', '.');
        try {
            return Class.forName(name, false, PostgresqlLegTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("test class not compiled: " + name, e);
        }
    }

    /** Whether the class (or a superclass) is a Quarkus test: it starts the application on the datasource. */
    static boolean startsTheApplication(String path) {
        for (Class<?> c = load(path); c != null; c = c.getSuperclass()) {
            for (Annotation a : c.getDeclaredAnnotations()) {
                if (APPLICATION_TESTS.contains(a.annotationType().getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean listed(String path) {
        return LINES.stream().anyMatch(m -> m.matches(Path.of(path)));
    }

    static List<String> lines(Path list) {
        try {
            return Files.readAllLines(list).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PathMatcher matcher(String surefirePattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + surefirePattern);
    }
}
