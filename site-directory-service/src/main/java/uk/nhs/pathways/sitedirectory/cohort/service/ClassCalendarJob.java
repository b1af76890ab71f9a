package uk.nhs.pathways.sitedirectory.cohort.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;
import uk.nhs.pathways.platform.time.England;

/** Runs {@link Classes#advanceByDate} on today's English date, soon after start and then every hour. */
@ApplicationScoped
public class ClassCalendarJob {

    private static final Logger LOG = Logger.getLogger(ClassCalendarJob.class);

    @Inject
    Classes classes;

    @Inject
    Clock clock;

    @Scheduled(
            every = "${pathways.classes.calendar-check:1h}",
            delayed = "${pathways.classes.calendar-first-check:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void advance() {
        int moved = classes.advanceByDate(England.today(clock));
        if (moved > 0) {
            LOG.infof("Classes moved on by their dates: %d", moved);
        }
    }
}
