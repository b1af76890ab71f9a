package uk.nhs.pathways.referral.register.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import uk.nhs.pathways.events.Attendance;

/**
 * A course's counts so far.
 *
 * @param planned   sessions in the class's schedule
 * @param recorded  sessions with a register entry, cancelled ones included
 * @param cancelled sessions the provider cancelled for the class
 * @param held      sessions recorded and not cancelled
 * @param attended  sessions recorded ATTENDED
 */
public record Tally(int planned, int recorded, int cancelled, int held, int attended) {

    public static Tally of(int planned, Collection<SessionRecord> records) {
        int cancelled = 0;
        int attended = 0;
        for (SessionRecord r : records) {
            if (r.attendance == Attendance.SESSION_CANCELLED) {
                cancelled++;
            } else if (r.attendance == Attendance.ATTENDED) {
                attended++;
            }
        }
        return new Tally(planned, records.size(), cancelled, records.size() - cancelled, attended);
    }

    /** Whether every session of the schedule has a register entry. */
    public boolean allRecorded() {
        return recorded >= planned;
    }

    /** Sessions to attend to complete, of the sessions the schedule still holds (planned less cancelled). */
    public int needed(BigDecimal share) {
        return needed(planned - cancelled, share);
    }

    /** The completion share of {@code held} sessions, rounded up: 0.75 of 11 is 9. */
    public static int needed(int held, BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(held))
                .setScale(0, RoundingMode.CEILING)
                .intValueExact();
    }
}
