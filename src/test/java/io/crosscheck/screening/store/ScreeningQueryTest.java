package io.crosscheck.screening.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replay's keyset paging over stored screenings, on a real H2 database migrated by the application's migrations. */
class ScreeningQueryTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private Connection db;
    private final List<StoredScreening> stored = new ArrayList<>();

    @BeforeEach
    void migrateAndStore() throws SQLException {
        String url = "jdbc:h2:mem:screening-query-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:future")
                .load()
                .migrate();
        db = DriverManager.getConnection(url, "sa", "");
        try (PreparedStatement ps =
                db.prepareStatement("insert into screening (id, created_at, kb_version, request_json,"
                        + " clinic_id, referral_urgency, pattern_status) values (?, ?, 'sha256:test', ?, 'clinic-a', 'none',"
                        + " 'UCS=consistent')")) {
            for (int i = 0; i < 600; i++) {
                // three screenings share each instant: the id breaks the tie
                Instant at = T0.plusSeconds(i / 3);
                UUID id = UUID.randomUUID();
                ps.setObject(1, id);
                ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setString(3, "{\"n\":" + i + "}");
                ps.executeUpdate();
                stored.add(new StoredScreening(id, at, null, "{\"n\":" + i + "}"));
            }
        }
        // the database orders UUIDs as unsigned numbers, as their lower-case text sorts (not as UUID.compareTo)
        stored.sort(Comparator.comparing(StoredScreening::createdAt).thenComparing(s -> s.id().toString()));
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void pagesVisitEveryScreeningOnceInCreationOrderWhenInstantsTie() {
        ScreeningQuery query = new ScreeningQuery(db, new ScreeningFilter(null, null, null), T0.plusSeconds(3600));
        List<StoredScreening> seen = new ArrayList<>();
        StoredScreening after = null;
        for (List<StoredScreening> page = query.page(null, 7); !page.isEmpty(); page = query.page(after, 7)) {
            seen.addAll(page);
            after = page.get(page.size() - 1);
        }
        assertThat(seen).extracting(StoredScreening::id).containsExactlyElementsOf(ids(stored));
        assertThat(new HashSet<>(ids(seen))).hasSize(600);
        assertThat(query.count()).isEqualTo(600);
    }

    @Test
    void aPageOfTheWholeStoreReadsAboutOnePageOfRowsNotTheScreeningsBeforeOrAfterIt() throws SQLException {
        assertThat(rowsReadForAPage(null)).isLessThan(30);
    }

    @Test
    void aPageOfOneClinicReadsAboutOnePageOfRowsNotTheClinicsOtherScreenings() throws SQLException {
        // the service always names the caller's clinic: with the (clinic_id, client_ref) index alone the database
        // read every remaining screening of the clinic and sorted them, for every page (O(n^2) rows for a replay)
        assertThat(rowsReadForAPage("clinic-a")).isLessThan(30);
    }

    /**
     * The rows H2 reads for a page of 20 after the 100th of 600 screenings (500 after it, 99 before): ScreeningQuery's own statement under
     * EXPLAIN ANALYZE, its parameters in ScreeningQuery's order.
     */
    private int rowsReadForAPage(String clinic) throws SQLException {
        StoredScreening after = stored.get(99);
        Instant before = T0.plusSeconds(3600);
        String page = pageSql(before, after, clinic);
        try (PreparedStatement ps = db.prepareStatement("explain analyze " + page)) {
            int i = 1;
            ps.setObject(i++, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            if (clinic != null) {
                ps.setString(i++, clinic);
            }
            ps.setObject(i++, OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC));
            ps.setObject(i++, OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC));
            ps.setObject(i++, after.id());
            ps.setInt(i, 20);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String plan = rs.getString(1);
                Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
                assertThat(scanned.find()).as(plan).isTrue();
                return Integer.parseInt(scanned.group(1));
            }
        }
    }

    /** The statement ScreeningQuery prepares for the page after {@code after}, caught on its way to the database. */
    private String pageSql(Instant before, StoredScreening after, String clinic) {
        List<String> prepared = new ArrayList<>();
        Connection recording = (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        prepared.add((String) args[0]);
                    }
                    try {
                        return method.invoke(db, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        new ScreeningQuery(recording, new ScreeningFilter(null, null, null), before, clinic).page(after, 20);
        assertThat(prepared).hasSize(1);
        return prepared.get(0);
    }

    private static List<UUID> ids(List<StoredScreening> screenings) {
        return screenings.stream().map(StoredScreening::id).toList();
    }
}
