package io.crosscheck.engine.drl;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The allow-list on its own: the shipped rules pass it unchanged, and what they use is allowed in new rules. */
class DrlAllowListTest {

    @Test
    void theShippedRulesPassTheAllowList() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(Path.of("rules"))) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".drl")).toList()) {
                files.put(p.toString().replace('\\', '/'), Files.readString(p));
            }
        }
        assertThat(files).hasSizeGreaterThan(20);
        assertThat(DrlAllowList.check(files))
                .extracting(KnowledgeProblem::toString)
                .isEmpty();
    }

    @Test
    void acceptsLoopsOverACollectionCastsAndTextBuilding() {
        assertThat(problems("""
                        $details : List() from collect( Answer( code in ("a", "b") ) )
                        $c : Contributor()
                        """, """
                        StringBuilder text = new StringBuilder( "x" );
                        for ( Object o : $details ) {
                            text.append( ", " ).append( ((Answer) o).describe() );
                        }
                        insert( new Contributor( $c.getCode(), text + ": " + $details.size() ) );
                        """)).isEmpty();
    }

    @Test
    void acceptsModifyUpdateAndDeleteOfABoundFact() {
        assertThat(problems("$c : Contributor()", """
                        modify( $c ) { toString() }
                        update( $c );
                        delete( $c );
                        """)).isEmpty();
    }

    @Test
    void refusesACountingLoop() {
        assertThat(problems("Contributor()", "for ( int i = 0; i < 10; i++ ) { }"))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:9:5: 'for' is not allowed here: a loop may only go through a collection");
    }

    @Test
    void refusesAnAnonymousClass() {
        assertThat(problems("Contributor()", "insert( new Contributor( \"a\", \"b\" ) { } );"))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:9:41: '{' is not allowed here: a consequence may not define classes");
    }

    @Test
    void refusesAMemberNoTypeOfTheFactModelHas() {
        assertThat(problems("$c : Contributor()", "$c.getCode().chars().parallel();"))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:9:26: 'parallel' is not allowed here: it is not a method or field");
    }

    @Test
    void refusesAnUnboundVariable() {
        assertThat(problems("Contributor()", "insert( $nowhere );"))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:9:13: '$nowhere' is not allowed here: it is not bound in this rule");
    }

    @Test
    void refusesAPatternOnATypeOutsideTheFactModel() {
        assertThat(problems("$r : java.lang.Runtime()", ""))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:7:10: 'java.lang.Runtime' is not allowed here: it is not a type of");
    }

    @Test
    void refusesAnAccumulateFunctionOutsideTheBuiltInOnes() {
        assertThat(problems("$n : Number() from accumulate( Contributor(), myFunction( 1 ) )", ""))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:7:51: 'myFunction' is not allowed here: an accumulate may only use");
    }

    @Test
    void refusesAnAttributeThatTakesAnExpression() {
        assertThat(DrlAllowList.check("rules/plan/x.drl", """
                        package rules.plan;
                        rule "X-001"
                            @id("X-001")
                            timer ( int: 1s )
                        when
                        then
                        end
                        """))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:4:5: 'timer' is not allowed here: a rule's attributes are");
    }

    @Test
    void checksConstraintsUnderNotAndInsideCollect() {
        assertThat(problems("""
                        not Contributor( code == System.getenv( "X" ) )
                        $l : List() from collect( Contributor( Runtime.getRuntime() != null ) )
                        """, ""))
                .extracting(KnowledgeProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("rules/plan/x.drl:7:30: 'System' is not allowed here"))
                .anySatisfy(p -> assertThat(p).startsWith("rules/plan/x.drl:8:44: 'Runtime' is not allowed here"));
    }

    @Test
    void checksTheArgumentsOfAnAccumulateFunction() {
        assertThat(problems(
                        "$n : Number() from accumulate( Contributor(), sum( java.lang.Integer.valueOf( 1 ) ) )", ""))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:7:56: 'java' is not allowed here: an expression in a condition");
    }

    @Test
    void refusesAWhileLoop() {
        assertThat(problems("Contributor()", "while ( true ) { }"))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:9:5: 'while' is not allowed here: a consequence may only");
    }

    @Test
    void aFieldTheFactDoesNotHaveIsReportedWithItsFieldsAndTheNearestName() {
        assertThat(problems("$s : Symptom( trigerr == \"lifting\" )", ""))
                .singleElement()
                .asString()
                .isEqualTo("rules/plan/x.drl:7:19: Symptom has no field or method 'trigerr' (did you mean 'trigger'?);"
                        + " its fields: durationWeeks, kind, nrs, ref, region, settleMinutes, testCode, trigger;"
                        + " its methods: describe()");
    }

    @Test
    void aMemberABoundFactDoesNotHaveIsReportedWithTheFactsFields() {
        assertThat(problems("$t : Threshold()\n$o : PostureObservation( value < $t.valeu )", ""))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:8:41: Threshold has no field or method 'valeu' (did you mean 'value'?);"
                        + " its fields: comparator, ");
        assertThat(problems("$c : Contributor()", "insert( new Contributor( $c.getCdoe(), \"x\" ) );"))
                .singleElement()
                .asString()
                .startsWith("rules/plan/x.drl:9:33: Contributor has no field or method 'getCdoe' (did you mean"
                        + " 'getCode'?)");
    }

    /** One rule: condition from line 7, consequence from line 9. */
    private static java.util.List<KnowledgeProblem> problems(String when, String then) {
        return DrlAllowList.check("rules/plan/x.drl", """
                package rules.plan;
                import io.crosscheck.engine.facts.*;
                import java.util.List;
                rule "X-001"
                    @id("X-001")
                when
                %s
                then
                %s
                end
                """.formatted(when.indent(4), then.indent(4))
                .replace("\n\n", "\n"));
    }
}
