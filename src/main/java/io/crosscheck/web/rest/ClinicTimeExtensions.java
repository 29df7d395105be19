package io.crosscheck.web.rest;

import io.crosscheck.common.time.ClinicTime;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A screening's time as a clinician reads it on any page, {@code {s.createdAt.atClinic}}: in the clinic's time zone,
 * written by {@link ClinicTime} the same way as on the result page and the printed report ("6 Dec 2026, 09:14 GMT").
 */
@TemplateExtension
public final class ClinicTimeExtensions {

    private ClinicTimeExtensions() {}

    public static String atClinic(Instant instant) {
        return Arc.container().instance(ClinicTime.class).get().format(instant);
    }

    /** The date alone, in the clinic's time zone: "6 Dec 2026". */
    public static String dateAtClinic(Instant instant) {
        return instant == null
                ? ""
                : DAY.format(Arc.container().instance(ClinicTime.class).get().date(instant));
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
}
