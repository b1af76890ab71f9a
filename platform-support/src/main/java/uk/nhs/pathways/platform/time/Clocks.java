package uk.nhs.pathways.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock every service reads time from: the system clock in UTC, injected so a test can put a clock
 * of its own in its place (an {@code @Alternative} producer) and move time on instead of waiting.
 */
@Singleton
public class Clocks {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
