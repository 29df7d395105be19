package io.crosscheck.engine.drl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drools' compiler messages in the linter's format: at the condition or the {@code new} the author wrote, saying
 * what the fact model has. The texts below are the ones Drools 10.2 gives for these mistakes.
 */
class CompilerMessagesTest {

    private static final String DRL = """
            package rules.findings;
            import io.crosscheck.engine.facts.*;
            global io.crosscheck.engine.ReferenceIndex reference;

            rule "UCS-901: x"
                @id("UCS-901")
                ruleflow-group "findings"
            when
                $t : Threshold( id == "cva_forward_head" ) from reference.threshold( "cva_forward_head" )
                $o : PostureObservation( measured, value < $t.value, $t.label.size() > 1 )
                $finding : FindingDefinition( code == "forward_head" ) from reference.finding( "forward_head" )
            then
                insert( new Finding( $finding ) );
            end
            """;

    private static List<KnowledgeProblem> translate(int line, String text) {
        List<ParsedRule> rules = DrlFiles.parse("rules/x.drl", DRL, new ArrayList<>());
        return CompilerMessages.translate("rules/x.drl", line, 1, text, DRL, rules);
    }

    @Test
    void aConditionThatDoesNotAnalyseIsReportedAtTheConditionWithTheMissingMember() {
        String drools = """
                Unable to Analyse Expression $t.label.size() > 1:
                [Error: unable to resolve method using strict-mode: java.lang.String.size()]
                [Near : {... $t.label.size() > 1 ....}]
                                      ^
                [Line: 10, Column: 4]""";
        assertThat(translate(10, drools))
                .extracting(KnowledgeProblem::toString)
                .containsExactly("rules/x.drl:10:58: the condition '$t.label.size() > 1' does not compile: String has"
                        + " no method size()");
    }

    @Test
    void theSameConditionReportedTwiceIsReportedOnce() {
        List<KnowledgeProblem> both = new ArrayList<>(translate(10, "Unable to analyze expression '$t.label.size()'"));
        both.addAll(translate(10, "Unable to Analyse Expression $t.label.size() > 1:\n[Error: x]"));
        assertThat(CompilerMessages.distinct(both)).hasSize(1);
    }

    @Test
    void anUndefinedConstructorIsReportedAtTheNewWithTheFactsConstructors() {
        assertThat(translate(5, "Rule Compilation error\n\tThe constructor Finding(FindingDefinition) is undefined"))
                .extracting(KnowledgeProblem::toString)
                .containsExactly("rules/x.drl:13:13: Finding has no constructor Finding(FindingDefinition); its"
                        + " constructors: Finding(FindingDefinition, Side)");
    }

    @Test
    void anUnknownMessageKeepsDroolsTextOnOneLine() {
        assertThat(translate(5, "Something else\n   ^\nwent wrong"))
                .extracting(KnowledgeProblem::toString)
                .containsExactly("rules/x.drl:5:1: Something else went wrong");
    }

    @Test
    void theCompilerReportsAWrongConstructorOfAShippedRuleInThoseWords() throws Exception {
        KnowledgeSource shipped = new KnowledgeSourceReader().fromDirectories(Path.of("rules"), Path.of("kb-docs"));
        Map<String, String> files = new HashMap<>(shipped.files());
        String ucs = "rules/upper_crossed/ucs-findings.drl";
        String text = files.get(ucs);
        int at = text.indexOf("insert( new Finding( $finding, null ) );");
        files.put(ucs, text.substring(0, at) + "insert( new Finding( $finding ) );" + text.substring(at + 40));
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        KnowledgeBaseBuilder builder = new KnowledgeBaseBuilder(Clock.systemUTC());
        assertThatThrownBy(() -> builder.build(new KnowledgeSource("test", files)))
                .isInstanceOfSatisfying(
                        KnowledgeBaseException.class,
                        e -> assertThat(e.problems())
                                .extracting(KnowledgeProblem::toString)
                                .containsExactly(
                                        ucs + ":" + line + ":13: Finding has no constructor Finding(FindingDefinition);"
                                                + " its constructors: Finding(FindingDefinition, Side)"));
    }
}
