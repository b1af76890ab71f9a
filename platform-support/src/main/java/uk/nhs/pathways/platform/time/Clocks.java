package uk.nhs.pathways.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The clock every service reads time from: the system clock in UTC, injected so a test can put a clock
 * of its own in its place (an {@code @Alternative} producer) and move time on instead of waiting. An
 * end-to-end run may shift it with {@code pathways.clock.offset-file} ({@link ShiftedClock}).
 */
@Singleton
public class Clocks {

    private static final Logger LOG = Logger.getLogger(Clocks.class);

    @ConfigProperty(name = "pathways.clock.offset-file")
    Optional<String> offsetFile;

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        if (offsetFile.isPresent()) {
            LOG.warnf(
                    "Clock shifted by the duration in %s: an end-to-end test run, never production", offsetFile.get());
            return new ShiftedClock(Path.of(offsetFile.get()));
        }
        return Clock.systemUTC();
    }
}
