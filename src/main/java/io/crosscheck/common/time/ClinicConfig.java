package io.crosscheck.common.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the clinic as a place ({@code crosscheck.clinic.*}). */
@ConfigMapping(prefix = "crosscheck.clinic")
public interface ClinicConfig {

    /**
     * The clinic's time zone (an IANA name such as {@code Europe/London}): visit dates and times are entered and
     * shown in it. Unset: the time zone of the machine the service runs on. Stored instants stay in UTC.
     */
    Optional<String> timeZone();

    /** How a date and time is written on pages and printouts ({@link java.time.format.DateTimeFormatter}). */
    @WithDefault("d MMM yyyy, HH:mm")
    String dateTimePattern();

    /**
     * How far ahead of the server's clock a visit's date and time may be (a tablet's clock runs ahead, a visit entered
     * at the minute it starts); later is refused as a visit in the future.
     */
    @WithDefault("PT10M")
    Duration visitClockTolerance();
}
