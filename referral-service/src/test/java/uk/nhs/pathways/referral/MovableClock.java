package uk.nhs.pathways.referral;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of the service under test: the system clock, until a test puts it at an instant of its
 * choosing (and puts it back after). Replaces platform-support's default clock bean in tests.
 */
@Singleton
public class MovableClock {

    private static volatile Instant fixedAt;

    /** From now on the service reads this instant as the time. */
    public static void setTo(Instant instant) {
        fixedAt = instant;
    }

    /** Back to the system clock. */
    public static void reset() {
        fixedAt = null;
    }

    @Produces
    @Singleton
    Clock clock() {
        return new Moving(ZoneOffset.UTC);
    }

    static final class Moving extends Clock {
        private final ZoneId zone;

        Moving(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new Moving(zone);
        }

        @Override
        public Instant instant() {
            Instant fixed = fixedAt;
            return fixed != null ? fixed : Instant.now();
        }
    }
}
