package io.crosscheck.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The clinic's clock face: every date and time a clinician reads or enters is in the clinic's time zone
 * ({@link ClinicConfig#timeZone()}), written the same way on every page, so a timeline, a result and a printout of
 * the same screening agree. Stored instants stay in UTC.
 */
@ApplicationScoped
public class ClinicTime {

    private final ZoneId zone;
    private final DateTimeFormatter dateTime;

    @jakarta.inject.Inject
    public ClinicTime(ClinicConfig config) {
        this(zone(config.timeZone().orElse("")), config.dateTimePattern());
    }

    public ClinicTime(ZoneId zone, String pattern) {
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofPattern(pattern, Locale.UK).withZone(zone);
    }

    static ZoneId zone(String name) {
        if (name.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "crosscheck.clinic.time-zone: '" + name + "' is not a time zone name such as Europe/London", e);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** "6 Dec 2026, 09:14 GMT": the instant in the clinic's zone, with the zone's short name. */
    public String format(Instant instant) {
        return instant == null ? "" : dateTime.format(instant) + " " + shortZone(instant);
    }

    /** The zone's short name at that instant ("GMT", "BST", "CET"). */
    public String shortZone(Instant instant) {
        return DateTimeFormatter.ofPattern("zzz", Locale.UK).withZone(zone).format(instant);
    }

    public LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** A date and time entered at the clinic (a form's datetime-local value), as an instant. */
    public Instant instant(LocalDateTime local) {
        return local.atZone(zone).toInstant();
    }

    public LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
