package io.crosscheck.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration to one SMART user per EHR client on a database holding users from before: the SMART users keyed by
 * id_token issuer and sub only (ehr:...) are kept with no role; every other user is unchanged.
 */
class SmartUserMigrationTest {

    @TempDir
    Path tmp;

    @Test
    void smartUsersFromBeforeAreRetiredAndOtherUsersKeepTheirRoles() throws Exception {
        String url = "jdbc:h2:file:" + tmp.resolve("crosscheck").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, "crosscheck", "")
                .locations("classpath:db/migration")
                .target("50")
                .load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "");
                Statement s = db.createStatement()) {
            s.executeUpdate("insert into clinic (id, name) values ('clinic-a', 'A')");
            s.executeUpdate("insert into app_user (id, username, password, roles, clinic_id, created_at) values "
                    + "(1001, 'ehr:0123456789ab:practitioner-7', 'x', 'physio', 'clinic-a', current_timestamp), "
                    + "(1002, 'alice', 'y', 'author,physio', 'clinic-a', current_timestamp)");
        }
        Flyway.configure()
                .dataSource(url, "crosscheck", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Map<String, String> roles = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, "crosscheck", "");
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select username, roles, clinic_id from app_user order by id")) {
            while (rs.next()) {
                roles.put(rs.getString(1), rs.getString(2) + "@" + rs.getString(3));
            }
        }
        assertThat(roles)
                .containsEntry("ehr:0123456789ab:practitioner-7", "@clinic-a")
                .containsEntry("alice", "author,physio@clinic-a");
    }
}
