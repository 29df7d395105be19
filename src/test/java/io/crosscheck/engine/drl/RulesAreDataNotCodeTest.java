package io.crosscheck.engine.drl;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseCompiler;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.facts.Contributor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;

/**
 * Each known way for an author's DRL to run Java on the server is refused at {@code file:line:column} before
 * anything is compiled, and its payload never runs. The harness fires the rules of whatever compiles (with a
 * {@link Contributor} in working memory), so a payload the allow-list let through would leave its marker: a file
 * in a temporary directory or a system property {@code crosscheck.probe.*}. See docs/adr/0006.
 */
class RulesAreDataNotCodeTest {

    private static final String FILE = "rules/plan/probe.drl";
    private static final String HEADER = """
            package rules.plan;
            import io.crosscheck.engine.facts.*;
            import java.util.List;
            import java.util.Map;
            """;
    private static final ReferenceData NO_REFERENCE =
            new ReferenceData(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);

    @TempDir
    Path dir;

    private final KnowledgeBaseCompiler compiler = new KnowledgeBaseCompiler(Clock.systemUTC());

    @AfterEach
    void clearProbeProperties() {
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("crosscheck.probe."))
                .forEach(System::clearProperty);
    }

    // the harness itself: an allowed rule compiles and fires, so a payload that got through would run

    @Test
    void acceptsARuleThatInsertsAFactAndTheHarnessFiresIt() {
        String drl =
                rule("$c : Contributor( code == \"probe\" )", "insert( new Contributor( \"fired\", $c.getCode() ) );");
        KnowledgeBase kb = compiler.compile(source(drl), NO_REFERENCE, List.of());
        assertThat(fire(kb))
                .anySatisfy(o -> assertThat(o)
                        .isInstanceOfSatisfying(
                                Contributor.class, c -> assertThat(c.getCode()).isEqualTo("fired")));
        compiler.release(kb);
    }

    // consequences

    @Test
    void refusesAConsequenceThatReadsAFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("audit.key"), "secret");
        Path marker = dir.resolve("marker");
        String drl = rule(
                        "Contributor()",
                        "java.nio.file.Files.writeString( java.nio.file.Path.of( \"MARKER\" ),"
                                + " java.nio.file.Files.readString( java.nio.file.Path.of( \"SECRET\" ) ) );")
                .replace("MARKER", marker.toString())
                .replace("SECRET", secret.toString());
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(marker).doesNotExist();
        assertRefused(e, drl, 10, "java", "java");
    }

    @Test
    void refusesRuntimeExec() {
        Path marker = dir.resolve("marker");
        String drl = rule(
                        "Contributor()",
                        "Runtime.getRuntime().exec( new String[] { \"touch\", \"MARKER\" } ).waitFor();")
                .replace("MARKER", marker.toString());
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(marker).doesNotExist();
        assertRefused(e, drl, 10, "Runtime", "Runtime");
    }

    @Test
    void refusesSystemExit() {
        // the rule never fires (no Contributor "never"): the test shows the refusal without risking the JVM
        String drl = rule("Contributor( code == \"never\" )", "System.exit( 0 );");
        assertRefused(compileAndFire(drl), drl, 10, "System", "System");
    }

    @Test
    void refusesReflectionThroughClassForName() {
        String drl = rule(
                "Contributor()",
                "Class.forName( \"java.lang.System\" ).getMethod( \"setProperty\", String.class, String.class )"
                        + ".invoke( null, \"crosscheck.probe.forName\", \"ran\" );");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.forName")).isNull();
        assertRefused(e, drl, 10, "Class", "Class");
    }

    @Test
    void refusesReflectionThroughGetClass() {
        String drl = rule(
                "$c : Contributor()",
                "$c.getClass().getClassLoader().loadClass( \"java.lang.System\" ).getMethod( \"setProperty\","
                        + " String.class, String.class ).invoke( null, \"crosscheck.probe.getClass\", \"ran\" );");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.getClass")).isNull();
        assertRefused(e, drl, 10, "getClass", "getClass");
    }

    @Test
    void refusesAClassLiteral() {
        String drl = rule(
                "Contributor()",
                "Contributor.class.getClassLoader().loadClass( \"java.lang.System\" ).getMethod( \"setProperty\","
                        + " String.class, String.class ).invoke( null, \"crosscheck.probe.classLiteral\", \"ran\" );");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.classLiteral")).isNull();
        assertRefused(e, drl, 10, "class", "class");
    }

    @Test
    void refusesAFullyQualifiedStaticCall() {
        String drl = rule("Contributor()", "java.lang.System.setProperty( \"crosscheck.probe.static\", \"ran\" );");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.static")).isNull();
        assertRefused(e, drl, 10, "java", "java");
    }

    @Test
    void refusesNewOfAJdkType() {
        Path marker = dir.resolve("marker");
        String drl = rule("Contributor()", "new java.io.File( \"MARKER\" ).createNewFile();")
                .replace("MARKER", marker.toString());
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(marker).doesNotExist();
        assertRefused(e, drl, 10, "java", "java");
    }

    @Test
    void refusesALambdaThatCallsOutsideTheFactModel() {
        String drl = rule(
                "Contributor()",
                "List.of( \"crosscheck.probe.lambda\" ).forEach( k -> System.setProperty( k, \"ran\" ) );");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.lambda")).isNull();
        assertRefused(e, drl, 10, "System", "System");
    }

    @Test
    void refusesAMethodReferenceOutsideTheFactModel() {
        String drl =
                rule("Contributor()", "Map.of( \"crosscheck.probe.ref\", \"ran\" ).forEach( System::setProperty );");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.ref")).isNull();
        assertRefused(e, drl, 10, "System", "System");
    }

    @Test
    void refusesDroolsContextInAConsequence() {
        String drl = rule(
                "Contributor( code == \"probe\" )",
                "drools.getKieRuntime().insert( new Contributor( \"escaped\", \"drools\" ) );");
        assertRefused(compileAndFire(drl), drl, 10, "drools", "drools");
    }

    @Test
    void readsUnicodeEscapesInIdentifiersAsTheJavaCompilerDoes() {
        String drl = rule("Contributor()", "\\u0053ystem.setProperty( \"crosscheck.probe.unicode\", \"ran\" );");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.unicode")).isNull();
        assertRefused(e, drl, 10, "\\u0053ystem", "System");
    }

    @Test
    void readsAUnicodeLineBreakInACommentAsTheJavaCompilerDoes() {
        String drl = rule(
                "Contributor()",
                "// a note \\u000a java.lang.System.setProperty( \"crosscheck.probe.newline\", \"ran\" );");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.newline")).isNull();
        assertRefused(e, drl, 10, "java", "java");
    }

    // conditions

    @Test
    void refusesJavaInAConstraint() {
        String drl = rule(
                "Contributor( java.lang.System.setProperty( \"crosscheck.probe.constraint\", \"ran\" ) == null )", "");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.constraint")).isNull();
        assertRefused(e, drl, 8, "java", "java");
    }

    @Test
    void refusesJavaInAFromClause() {
        String drl = rule("$o : Object() from java.lang.System.setProperty( \"crosscheck.probe.from\", \"ran\" )", "");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.from")).isNull();
        assertRefused(e, drl, 8, "java", "java");
    }

    @Test
    void refusesJavaInAnEval() {
        String drl = rule("eval( java.lang.System.setProperty( \"crosscheck.probe.eval\", \"ran\" ) == null )", "");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.eval")).isNull();
        assertRefused(e, drl, 8, "java", "java");
    }

    @Test
    void refusesAnAccumulateWithItsOwnCode() {
        String drl = rule(
                "$n : Number() from accumulate( Contributor(), init( int n = 0;"
                        + " java.lang.System.setProperty( \"crosscheck.probe.accumulate\", \"ran\" ); )"
                        + " action( n++; ) result( n ) )",
                "");
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.accumulate")).isNull();
        assertRefused(e, drl, 8, "init", "init");
    }

    // the rule's header: metadata and attributes are evaluated by Drools too

    @Test
    void refusesCodeInRuleMetadata() {
        String drl = HEADER + """
                rule "PRB-001: probe"
                    @id("PRB-001") @version(java.lang.System.setProperty("crosscheck.probe.metadata", "ran"))
                when
                    Contributor()
                then
                end
                """;
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.metadata")).isNull();
        assertRefused(e, drl, 6, "java", "java");
    }

    @Test
    void refusesAnExpressionAsSalience() {
        String drl = HEADER + """
                rule "PRB-001: probe"
                    @id("PRB-001") @version("1")
                    salience ( java.lang.System.setProperty("crosscheck.probe.salience", "ran") == null ? 1 : 2 )
                when
                    Contributor()
                then
                end
                """;
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(System.getProperty("crosscheck.probe.salience")).isNull();
        assertRefused(e, drl, 7, "java", "java");
    }

    @Test
    void refusesTheMvelDialect() {
        String drl = HEADER + """
                rule "PRB-001: probe"
                    @id("PRB-001") @version("1")
                    dialect "mvel"
                when
                    Contributor()
                then
                end
                """;
        assertRefused(compileAndFire(drl), drl, 7, "\"mvel\"", "mvel");
    }

    // the package: imports, globals, functions, declarations

    @Test
    void refusesAnImportOutsideTheFactModel() {
        Path marker = dir.resolve("marker");
        String drl = HEADER.replace("import java.util.Map;", "import java.nio.file.Files;")
                + """
                rule "PRB-001: probe"
                    @id("PRB-001") @version("1")
                when
                    Contributor()
                then
                    Files.writeString( java.nio.file.Path.of( "MARKER" ), "ran" );
                end
                """.replace("MARKER", marker.toString());
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(marker).doesNotExist();
        assertRefused(e, drl, 4, "java.nio.file.Files", "java.nio.file.Files");
    }

    @Test
    void refusesAGlobalOtherThanTheReferenceIndex() {
        String drl = HEADER + """
                global java.lang.Runtime runtime;
                rule "PRB-001: probe"
                    @id("PRB-001") @version("1")
                when
                    Contributor( code == "never" )
                then
                    runtime.exit( 0 );
                end
                """;
        assertRefused(compileAndFire(drl), drl, 5, "java.lang.Runtime", "java.lang.Runtime");
    }

    @Test
    void refusesAFunction() {
        Path marker = dir.resolve("marker");
        String drl = HEADER + """
                function void probe(String path) {
                    try {
                        java.nio.file.Files.writeString( java.nio.file.Path.of( path ), "ran" );
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                rule "PRB-001: probe"
                    @id("PRB-001") @version("1")
                when
                    Contributor()
                then
                    probe( "MARKER" );
                end
                """.replace("MARKER", marker.toString());
        KnowledgeBaseException e = compileAndFire(drl);
        assertThat(marker).doesNotExist();
        assertRefused(e, drl, 5, "function", "function");
    }

    @Test
    void refusesADeclaredType() {
        String drl = HEADER + """
                declare Probe
                    path : String
                end
                rule "PRB-001: probe"
                    @id("PRB-001") @version("1")
                when
                    Contributor()
                then
                end
                """;
        assertRefused(compileAndFire(drl), drl, 5, "declare", "declare");
    }

    // a compiled module from a cache is loaded only for a source that passes too

    @Test
    void refusesToLoadACachedModuleWhoseSourceFailsTheAllowList() {
        KnowledgeBaseCompiler executable = new KnowledgeBaseCompiler(Clock.systemUTC(), true);
        KnowledgeBase harmless =
                executable.compile(source(rule("Contributor( code == \"never\" )", "")), NO_REFERENCE, List.of());
        byte[] module = harmless.compiledModule();
        executable.release(harmless);
        String drl = rule("Contributor( code == \"never\" )", "System.exit( 0 );");
        KnowledgeBaseException e = null;
        try {
            executable.release(executable.load(source(drl), NO_REFERENCE, module));
        } catch (KnowledgeBaseException refused) {
            e = refused;
        }
        assertRefused(e, drl, 10, "System", "System");
    }

    // harness

    /** The DRL of one rule: its condition on line 8, its consequence on line 10. */
    private static String rule(String when, String then) {
        return HEADER + """
                rule "PRB-001: probe"
                    @id("PRB-001") @version("1")
                when
                    %s
                then
                    %s
                end
                """.formatted(when, then);
    }

    private static KnowledgeSource source(String drl) {
        return new KnowledgeSource("probe", Map.of(FILE, drl));
    }

    /** Compiles the DRL and, when it compiles, fires its rules: a payload that got through runs here. */
    private KnowledgeBaseException compileAndFire(String drl) {
        try {
            KnowledgeBase kb = compiler.compile(source(drl), NO_REFERENCE, List.of());
            try {
                fire(kb);
            } finally {
                compiler.release(kb);
            }
            return null;
        } catch (KnowledgeBaseException e) {
            return e;
        }
    }

    private static List<Object> fire(KnowledgeBase kb) {
        KieSession session = kb.kieBase().newKieSession();
        try {
            session.insert(new Contributor("probe", "probe"));
            session.fireAllRules();
            return List.copyOf(session.getObjects());
        } finally {
            session.dispose();
        }
    }

    /**
     * The compile was refused with a problem at the line and column where {@code token} first stands on that line
     * of the DRL, naming {@code named} as what is not allowed.
     */
    private static void assertRefused(KnowledgeBaseException e, String drl, int line, String token, String named) {
        assertThat(e).as("the DRL compiled: nothing refused it").isNotNull();
        String text = drl.lines().toList().get(line - 1);
        assertThat(text).contains(token);
        int column = text.indexOf(token) + 1;
        assertThat(e.problems())
                .extracting(KnowledgeProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith(FILE + ":" + line + ":" + column + ": '" + named + "' "));
    }
}
