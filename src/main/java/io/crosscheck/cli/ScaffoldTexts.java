package io.crosscheck.cli;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The texts {@code bin/crosscheck new-rule} writes: a placeholder rule that compiles and fires on any screening
 * without concluding anything, its kb-doc page and a scenario, each with {@code TODO} markers where the author's
 * content goes (the linter reports every one as "not filled in").
 */
final class ScaffoldTexts {

    private ScaffoldTexts() {}

    /** The start of a new DRL file: package = folder, the fact model and the reference global. */
    static String header(String file) {
        String folder = file.substring(0, file.lastIndexOf('/'));
        return "package " + folder.replace('/', '.') + ";\n\n"
                + "import io.crosscheck.engine.facts.*;\n"
                + "global io.crosscheck.engine.ReferenceIndex reference;   // reference data, looked up (rules/README.md)\n";
    }

    static String rule(String id, String title, String stage) {
        return """
                rule "%1$s: %2$s"
                    @id("%1$s") @version("1")
                    ruleflow-group "%3$s"
                when
                    // TODO fill in the conditions: the facts %1$s matches (docs/fact-model.md lists every fact, its fields and codes)
                    $client : ClientContext()
                then
                    // TODO fill in what %1$s concludes, e.g. insert( new Finding( $finding, $test.getSide() ) );
                end
                """.formatted(id, title, stage);
    }

    static String page(String id, String title, String stage, String file, LocalDate today) {
        return """
                ---
                id: %1$s
                title: %2$s
                stage: %3$s
                version: 1
                evidence: TODO fill in the evidence grade (expert opinion, low, very low, moderate, safety convention)
                last_reviewed: %5$s
                sources: [TODO]
                ---

                # %1$s: %2$s

                DRL rule "%1$s: %2$s" in `%4$s` (ruleflow group `%3$s`).

                ## What it concludes

                TODO fill in what the rule concludes, in clinical words, and from which inputs.

                ## Rationale

                TODO fill in why, citing the sources by key [KEY].

                ## Inputs

                - TODO fill in the request fields it reads (`/observations[i]` with `code: ...`)

                ## Thresholds and reference data

                - TODO fill in the thresholds and reference data it matches, or say there are none

                ## Evidence and caveats

                Evidence grade: **TODO fill in**. TODO fill in the caveats.

                Like every Crosscheck output, this is a screening heuristic that supports the clinician's judgement. \
                It is not a diagnosis and must not be reported as one.

                ## Sources

                - TODO fill in each source: **KEY**: author, title, year, link
                """.formatted(id, title, stage, file, today);
    }

    static String scenario(String id, String title) {
        return """
                # Scaffolded with %1$s by bin/crosscheck new-rule; every key: docs/scenarios.md.
                # TODO fill in a request that fires %1$s and what must follow from it.
                title: "%1$s: %2$s (TODO fill in what this scenario shows)"
                source: TODO
                request:
                  clientRef: scenario-%3$s
                  client: { age: 40 }
                  # TODO fill in the inputs %1$s reads (the request format: docs/api.md)
                expect:
                  # TODO fill in what %1$s must conclude, e.g. explanation: [ { rule: %1$s, concludes: "...", matched: ["/observations/0"] } ]
                  absent:
                    - { rule: %1$s }   # TODO replace: holds only while %1$s concludes nothing
                """.formatted(id, title.replace("\"", "'"), id.toLowerCase(Locale.ROOT));
    }
}
