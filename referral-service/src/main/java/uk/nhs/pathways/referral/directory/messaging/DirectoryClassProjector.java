package uk.nhs.pathways.referral.directory.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;

/** Keeps the class view equal to the latest full-state event of each class. */
@ApplicationScoped
public class DirectoryClassProjector {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ClassUpdated c) {
        DirectoryClass view = DirectoryClass.findById(c.classId());
        if (view == null) {
            view = new DirectoryClass();
            view.classId = c.classId();
        }
        view.siteId = c.siteId();
        view.providerId = c.providerId();
        view.programmes = c.programmes().stream().map(Enum::name).collect(Collectors.joining(","));
        view.startDate = c.startDate();
        view.days = c.days().stream().map(Enum::name).collect(Collectors.joining(","));
        view.startTime = c.startTime();
        view.sessions = c.sessions();
        view.capacity = c.capacity();
        view.placesTaken = c.placesTaken();
        view.facilitatorType = c.facilitatorType();
        view.status = c.status();
        view.updatedAt = OffsetDateTime.now(clock);
        view.persist();
    }

    /** A tombstone on the compacted topic: the class is gone from the directory. */
    @Transactional
    public void remove(String classId) {
        DirectoryClass.deleteById(classId);
    }
}
