package uk.nhs.pathways.referral.register.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Ends the courses their class has left behind: a class the directory reports COMPLETED, or one whose last
 * session passed more than the configured days ago, with the register never filled in to the end. Each
 * referral in its own transaction, under its row lock, so replicas may run it at once and a course already
 * ended is passed over. It reads the injected clock, so a test moves time instead of waiting.
 */
@ApplicationScoped
public class CourseClosing {

    private static final Logger LOG = Logger.getLogger(CourseClosing.class);

    @Inject
    AttendanceRegister register;

    @Scheduled(
            identity = "course-closing",
            every = "${pathways.register.closing-check-every:1h}",
            delayed = "${pathways.register.closing-check-delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One pass. @return how many courses it ended */
    public int run() {
        int closed = 0;
        for (UUID id : register.onCourseInClassesBegun()) {
            if (register.closeIfOver(id)) {
                closed++;
            }
        }
        if (closed > 0) {
            LOG.infof("Closing check: %d course(s) ended after their class", closed);
        }
        return closed;
    }
}
