package uk.nhs.pathways.platform.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The system clock moved on by the duration written in a file (ISO-8601, e.g. {@code P8D}), read again
 * at most once a second. For end-to-end runs only: a test moves every service's time together (e.g.
 * past a provider's deadline to answer) by writing the file, as @QuarkusTests move an injected clock.
 * Never configured in production (the file is a setting of the test platform alone).
 */
public final class ShiftedClock extends Clock {

    private final Clock system = Clock.systemUTC();
    private final Path offsetFile;
    private volatile Duration offset = Duration.ZERO;
    private volatile long readAtNanos = System.nanoTime() - 2_000_000_000L;

    public ShiftedClock(Path offsetFile) {
        this.offsetFile = offsetFile;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system.withZone(zone), offset());
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset());
    }

    Duration offset() {
        long now = System.nanoTime();
        if (now - readAtNanos > 1_000_000_000L) {
            readAtNanos = now;
            try {
                offset = Files.exists(offsetFile)
                        ? Duration.parse(Files.readString(offsetFile).strip())
                        : Duration.ZERO;
            } catch (IOException | DateTimeParseException e) {
                offset = Duration.ZERO;
            }
        }
        return offset;
    }
}
