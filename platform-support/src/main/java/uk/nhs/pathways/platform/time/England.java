package uk.nhs.pathways.platform.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Classes meet, contracts run and referrals are dated on English calendar dates. */
public final class England {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private England() {}

    /** Today in England by this clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
