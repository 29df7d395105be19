package io.crosscheck.screening.store;

import io.crosscheck.common.persistence.Gzip;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one query over stored screenings for replay: filter, {@code created_at, id} order and keyset
 * paging, in plain JDBC that runs unchanged on H2 and PostgreSQL. The replay endpoint runs it on a
 * pooled connection per page, the command line on its own read-only connection; no CDI, no ORM.
 */
public final class ScreeningQuery implements ScreeningPages.Source {

    private final Connection connection;
    private final ScreeningFilter filter;
    private final Instant before;
    private final String clinicId;

    /** Over every clinic: for the command line, which an operator runs on the database itself. */
    public ScreeningQuery(Connection connection, ScreeningFilter filter, Instant before) {
        this(connection, filter, before, null);
    }

    /** Over the screenings of one clinic (null: all); the service always names the caller's clinic. */
    public ScreeningQuery(Connection connection, ScreeningFilter filter, Instant before, String clinicId) {
        this.connection = connection;
        this.filter = filter;
        this.before = before;
        this.clinicId = clinicId;
    }

    public long count() {
        List<Object> params = new ArrayList<>();
        String sql = "select count(*) from screening where " + where(null, params);
        try (PreparedStatement ps = prepare(sql, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count stored screenings: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredScreening> page(StoredScreening after, int limit) {
        List<Object> params = new ArrayList<>();
        // with one clinic named, clinic_id leads the order too (a constant, so the same order): the database then reads
        // the (clinic_id, created_at, id) index in order and stops after a page, instead of sorting the clinic's rest
        String sql = "select id, created_at, client_ref, request_gz, request_json from screening where "
                + where(after, params) + " order by " + (clinicId != null ? "clinic_id, " : "")
                + "created_at, id limit ?";
        params.add(limit);
        List<StoredScreening> rows = new ArrayList<>(limit);
        try (PreparedStatement ps = prepare(sql, params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new StoredScreening(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        Gzip.textOr(rs.getBytes(4), rs.getString(5)))); // compressed since V105
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read stored screenings: " + e.getMessage(), e);
        }
    }

    private String where(StoredScreening after, List<Object> params) {
        StringBuilder q = new StringBuilder("created_at < ?");
        params.add(time(before));
        if (filter.from() != null) {
            q.append(" and created_at >= ?");
            params.add(time(filter.from()));
        }
        if (filter.to() != null) {
            q.append(" and created_at < ?");
            params.add(time(filter.to()));
        }
        if (clinicId != null) {
            q.append(" and clinic_id = ?");
            params.add(clinicId);
        }
        if (filter.clientRef() != null) {
            q.append(" and client_ref = ?");
            params.add(filter.clientRef());
        }
        if (after != null) {
            // created_at >= ? is implied by the condition after it, but only a plain bound lets the database start the
            // index range of the created_at index at the previous page's end: without it every page scanned the table
            // from its first screening (H2's plan: range created_at < ?), so a replay read O(n^2) rows (issue 27)
            q.append(" and created_at >= ? and (created_at > ? or id > ?)");
            params.add(time(after.createdAt()));
            params.add(time(after.createdAt()));
            params.add(after.id());
        }
        return q.toString();
    }

    private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
