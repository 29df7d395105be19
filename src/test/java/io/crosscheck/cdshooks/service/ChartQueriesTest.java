package io.crosscheck.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.fhir.service.CrosscheckCodes;
import io.crosscheck.support.RuleHarness;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The prefetch templates and searches ask for the minimum necessary, newest first and a page at a time, and their code
 * filter follows the reference data: every coding an input defines is in it, so a coding added to rules/reference/ is
 * asked for without code.
 */
class ChartQueriesTest {

    static final ReferenceData REFERENCE = RuleHarness.shipped().knowledgeBase().reference();

    @Test
    void observationsAndConditionsAreAskedForNewestFirstAPageAtATimeAndOnlyWithCodesCrosscheckReads() {
        Map<String, String> t = ChartQueries.templates(REFERENCE, 50, Set.of());

        assertThat(t.get(ChartQueries.PATIENT)).isEqualTo("Patient/{{context.patientId}}");
        assertThat(t.get(ChartQueries.ENCOUNTER)).isEqualTo("Encounter/{{context.encounterId}}");
        assertThat(t.get(ChartQueries.OBSERVATIONS))
                .startsWith("Observation?patient={{context.patientId}}&code=" + CrosscheckCodes.SYSTEM + "|,")
                .endsWith("&_sort=-date&_count=50");
        assertThat(t.get(ChartQueries.CONDITIONS)).contains("&code=").endsWith("&_sort=-recorded-date&_count=50");
        assertThat(t.get(ChartQueries.QUESTIONNAIRE_RESPONSES))
                .isEqualTo("QuestionnaireResponse?patient={{context.patientId}}&_sort=-authored&_count=50");
    }

    @Test
    void theCodeFilterHoldsEveryCodingTheReferenceDataDefinesAndTheRedFlagFindings() {
        List<String> codings = ChartQueries.codings(REFERENCE);

        assertThat(codings).first().isEqualTo(CrosscheckCodes.SYSTEM + "|");
        for (InputDefinition i : REFERENCE.inputs().inputs()) {
            i.codings().forEach(c -> assertThat(codings).contains(c.system() + "|" + c.code()));
        }
        // red-flag findings as charts code them (rules/reference/red-flags.yaml), e.g. faecal incontinence
        assertThat(codings).contains(CrosscheckCodes.SNOMED + "|72042002");
        assertThat(codings).contains("http://loinc.org|82810-3", "http://snomed.info/sct|64859006");
        assertThat(codings).doesNotHaveDuplicates().noneMatch(c -> c.startsWith(CrosscheckCodes.SYSTEM + "|r"));
    }

    @Test
    void aSitesConceptMapLocalCodesJoinTheCodeFilterSoThatItsFlowsheetRowsAreFetched() {
        String observations = ChartQueries.templates(
                        REFERENCE, 50, Set.of("urn:oid:1.2.840.114350.1.13.0.1.7.2.707679|3041"))
                .get(ChartQueries.OBSERVATIONS);

        assertThat(observations)
                .startsWith("Observation?patient={{context.patientId}}&code=" + CrosscheckCodes.SYSTEM + "|,")
                .contains(",urn:oid:1.2.840.114350.1.13.0.1.7.2.707679|3041");
    }

    @Test
    void aQueryIsFilledInForThePatientWithItsValuesUrlEncoded() {
        String query = ChartQueries.query(
                ChartQueries.templates(REFERENCE, 100, Set.of()).get(ChartQueries.OBSERVATIONS), "pat-1", null);

        assertThat(query)
                .startsWith("Observation?patient=pat-1&code=https%3A%2F%2Fcrosscheck.io")
                .doesNotContain("|");
        assertThat(URLDecoder.decode(query, StandardCharsets.UTF_8)).contains("http://loinc.org|82810-3");
        assertThat(ChartQueries.query("Encounter/{{context.encounterId}}", "pat-1", "enc-9"))
                .isEqualTo("Encounter/enc-9");
    }
}
