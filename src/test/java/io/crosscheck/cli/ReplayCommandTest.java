package io.crosscheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.authoring.replay.ReplayEngineTest;
import io.crosscheck.support.Candidates;
import io.crosscheck.support.GeneratedRequests;
import io.crosscheck.support.RuleHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/replay's main class against an H2 file database laid out by the service's own migrations,
 * with no server running: it prints the report and leaves the database as it was.
 */
class ReplayCommandTest {

    static final int ROWS = 1_050;

    @TempDir
    static Path tmp;

    static String url;
    static Path candidate;
    static int expectedDowngrades;
    static int expectedForClient3;
    static int rowsForClient3;
    /** Rows after this instant are outside the filtered replay's time window. */
    static final OffsetDateTime WINDOW_END = OffsetDateTime.of(2025, 3, 1, 15, 0, 0, 0, ZoneOffset.UTC);

    static String contentsBefore;

    @BeforeAll
    static void storeScreenings() throws Exception {
        url = "jdbc:h2:file:" + tmp.resolve("db/crosscheck").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, "crosscheck", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        candidate = Candidates.withLcsConsistentMinFindings(tmp.resolve("candidate"), 4);
        RuleHarness shipped = RuleHarness.shipped();
        List<String> requests = GeneratedRequests.generate(42L, ROWS);
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "");
                PreparedStatement insert =
                        db.prepareStatement("insert into screening (id, client_ref, created_at, kb_version, "
                                + "request_json, result_json, explanation_json) values (?, ?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime t = OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
            for (int i = 0; i < ROWS; i++) {
                var result = shipped.screen(requests.get(i));
                String ref = RuleHarness.JSON
                        .readTree(requests.get(i))
                        .get("clientRef")
                        .asText();
                boolean changes = !ReplayEngineTest.expectedKinds(result).isEmpty();
                OffsetDateTime at =
                        i % 3 == 0 ? t : (t = t.plusMinutes(1)); // some share a timestamp: paging must not skip them
                if (changes) {
                    expectedDowngrades++;
                }
                if (ref.equals("gen-3") && at.isBefore(WINDOW_END)) {
                    rowsForClient3++;
                    expectedForClient3 += changes ? 1 : 0;
                }
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, ref);
                insert.setObject(3, at);
                insert.setString(4, result.knowledgeBase().version());
                insert.setString(5, requests.get(i));
                insert.setString(6, RuleHarness.JSON.writeValueAsString(result.withoutExplanation()));
                insert.setString(7, RuleHarness.JSON.writeValueAsString(result.explanation()));
                insert.executeUpdate();
            }
        }
        contentsBefore = contents();
        assertThat(expectedDowngrades).isPositive();
    }

    @Test
    void printsTheReportWithTheExpectedChangeLineAndLeavesTheDatabaseAsItWas() throws Exception {
        Run run = run(
                "--rules",
                candidate.toString(),
                "--jdbc-url",
                url + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r",
                "--batch-size",
                "50");

        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out)
                .startsWith("Replay of a candidate knowledge base")
                .contains("Stored screenings: " + ROWS + " evaluated, " + expectedDowngrades + " changed, "
                        + (ROWS - expectedDowngrades) + " unchanged, 0 failed to evaluate")
                .contains(String.format("%7d  LCS consistent->partial", expectedDowngrades))
                .contains("article-desk-worker.yaml: pattern LCS: expected consistent, got partial");
        assertThat(contents()).isEqualTo(contentsBefore);
    }

    @Test
    void filtersByClientReferenceAndTimeAndPrintsJsonOnRequest() throws Exception {
        Run run = run(
                candidate.toString(),
                "--jdbc-url",
                url,
                "--client-ref",
                "gen-3",
                "--from",
                "2025-03-01T00:00:00Z",
                "--to",
                WINDOW_END.toInstant().toString(),
                "--json");

        assertThat(run.status).as(run.err).isZero();
        JsonNode report = RuleHarness.JSON.readTree(run.out);
        assertThat(report.at("/filter/clientRef").asText()).isEqualTo("gen-3");
        assertThat(rowsForClient3).isPositive().isLessThan(ROWS / 40);
        assertThat(report.at("/screenings/evaluated").asInt()).isEqualTo(rowsForClient3);
        assertThat(report.at("/screenings/changed").asInt()).isEqualTo(expectedForClient3);
        assertThat(contents()).isEqualTo(contentsBefore);
    }

    @Test
    void replaysAProposalStoredInTheDatabaseAgainstTheActiveVersionInAConfinedProcessWithTheSameCounts()
            throws Exception {
        var reader = new io.crosscheck.knowledge.service.KnowledgeSourceReader();
        var active = reader.fromDirectories(Path.of("rules"), Path.of("kb-docs"));
        var proposal = reader.fromDirectories(candidate, Path.of("kb-docs"));
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "")) {
            store(
                    db,
                    "insert into kb_version (version, first_loaded_at, origin, rule_count, files_json) "
                            + "values (?, current_timestamp, 'test', 1, ?)",
                    active);
            store(
                    db,
                    "insert into kb_proposal (version, proposed_at, proposed_by, origin, rule_count, files_json) "
                            + "values (?, current_timestamp, 'author', 'test', 1, ?)",
                    proposal);
            try (PreparedStatement activate = db.prepareStatement("update kb_active set version = ? where id = 1")) {
                activate.setString(1, active.contentHash());
                activate.executeUpdate();
            }
        }

        Run run = run(
                "--candidate-version",
                proposal.contentHash(),
                "--current-version",
                "active",
                "--jdbc-url",
                url + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r");

        assertThat(run.status).as(run.err).isZero();
        assertThat(run.out)
                .contains("current:    " + active.contentHash())
                .contains("candidate:  " + proposal.contentHash())
                .contains("from registry:" + proposal.contentHash())
                .contains("Stored screenings: " + ROWS + " evaluated, " + expectedDowngrades + " changed")
                .contains(String.format("%7d  LCS consistent->partial", expectedDowngrades));
        assertThat(contents()).isEqualTo(contentsBefore);

        Run unknown = run("--candidate-version", "sha256:0123456789abcdef", "--jdbc-url", url);
        assertThat(unknown.status).isEqualTo(1);
        assertThat(unknown.err).contains("--candidate-version sha256:0123456789abcdef is not stored in the database");
        assertThat(run("--rules", "rules", "--candidate-version", proposal.contentHash()).err)
                .contains("not both");
    }

    private static void store(Connection db, String sql, io.crosscheck.engine.KnowledgeSource source) throws Exception {
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            insert.setString(1, source.contentHash());
            insert.setString(2, RuleHarness.JSON.writeValueAsString(source.files()));
            insert.executeUpdate();
        }
    }

    @Test
    void badArgumentsExitWith2AndExplainUsage() {
        assertThat(run().status).isEqualTo(2);
        Run missing = run("--rules", tmp.resolve("nowhere").toString());
        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.err).contains("not a directory").contains("Usage: replay");
        assertThat(run("--rules", "rules", "--from", "2025-05-01T00:00:00Z", "--to", "2025-04-01T00:00:00Z").err)
                .contains("--from must be before --to");
        assertThat(run("--rules", "rules", "--frmo", "x").status).isEqualTo(2);
        assertThat(run("--help").out).contains("--client-ref");
    }

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReplayCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every stored column of every row, in a fixed order. */
    private static String contents() throws Exception {
        StringBuilder s = new StringBuilder();
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "");
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(
                        "select id, client_ref, created_at, kb_version, request_json, result_json, "
                                + "explanation_json, request_gz, response_gz, explanation_gz from screening order by id")) {
            while (rs.next()) {
                for (int c = 1; c <= 10; c++) {
                    s.append(rs.getString(c)).append('\u0001');
                }
                s.append('\n');
            }
        }
        return s.toString();
    }
}
