package uk.nhs.pathways.sitedirectory.site.domain;

import java.time.LocalDate;
import java.time.ZoneId;

/** Classes meet on English calendar dates: "today" is today in England. */
public final class England {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private England() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
