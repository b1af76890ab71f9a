package uk.nhs.pathways.outcomes.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.outcomes.activity.domain.ReferralJourney;
import uk.nhs.pathways.outcomes.course.domain.Course;
import uk.nhs.pathways.outcomes.course.domain.CourseSession;
import uk.nhs.pathways.outcomes.course.domain.Measure;
import uk.nhs.pathways.outcomes.course.service.OutcomeEvents;
import uk.nhs.pathways.outcomes.directory.domain.SiteCopy;
import uk.nhs.pathways.outcomes.practice.service.Practices;
import uk.nhs.pathways.platform.time.England;

/**
 * The demo history for the local run (PATHWAYS_DEMO_DATA=true): once this service's copy of the directory
 * holds the demo sites (at least {@code min-sites}, unchanged since the last check), generates
 * {@link DemoPlan}'s past quarters and writes them as if the referral service had reported them: journeys,
 * courses, registers and measures with their analysis, and every outcome event for the ICSs through the
 * outbox, all in one transaction. Never twice (a row in demo_history) and never at the same time (a
 * transaction-scoped advisory lock, so replicas agree too).
 */
@ApplicationScoped
public class DemoHistory {

    private static final Logger LOG = Logger.getLogger(DemoHistory.class);

    /** The advisory lock's key: one per database, any fixed number not used for anything else. */
    public static final long LOCK = 0x4f55_5443_4f4d_4553L;

    private static final int FLUSH_EVERY = 2_000;

    /** What a call to {@link #generateOnce()} did. */
    public enum Result {
        GENERATED,
        ALREADY_THERE,
        BUSY
    }

    @Inject
    DemoHistoryConfig config;

    @Inject
    Clock clock;

    @Inject
    Practices practices;

    @Inject
    OutcomeEvents outcomeEvents;

    @Inject
    EntityManager entityManager;

    private final AtomicBoolean done = new AtomicBoolean();
    private volatile long sitesLastSeen = -1;

    @Scheduled(
            every = "${pathways.demo-data.check-every:5s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (!config.enabled() || done.get()) {
            return;
        }
        long sites = QuarkusTransaction.requiringNew().call(() -> SiteCopy.count());
        boolean steady = sites >= config.minSites() && sites == sitesLastSeen;
        sitesLastSeen = sites;
        if (steady && generateOnce() != Result.BUSY) {
            done.set(true);
        }
    }

    /** Generates the history unless it was generated before or is being generated elsewhere now. */
    public Result generateOnce() {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            boolean locked = (Boolean) entityManager
                    .createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", LOCK)
                    .getSingleResult();
            if (!locked) {
                return Result.BUSY;
            }
            if (((Number) entityManager
                                    .createNativeQuery("select count(*) from demo_history")
                                    .getSingleResult())
                            .longValue()
                    > 0) {
                return Result.ALREADY_THERE;
            }
            long started = System.nanoTime();
            int[] written = write();
            entityManager
                    .createNativeQuery("insert into demo_history (id, generated_at, courses) values (1, :at, :courses)")
                    .setParameter("at", OffsetDateTime.now(clock))
                    .setParameter("courses", written[1])
                    .executeUpdate();
            LOG.infof(
                    "Demo history generated: %d referrals, %d courses, %d outcome events in %d ms",
                    written[0], written[1], written[2], (System.nanoTime() - started) / 1_000_000);
            return Result.GENERATED;
        });
    }

    /** @return referrals, courses and outcome events written */
    private int[] write() {
        Map<String, SiteCopy> copies = new HashMap<>();
        List<DemoPlan.Site> sites = new ArrayList<>();
        EnumSet<SiteStatus> delivered = EnumSet.of(SiteStatus.ACTIVE, SiteStatus.PAUSED, SiteStatus.CEASED);
        for (SiteCopy copy : SiteCopy.<SiteCopy>list("order by siteId")) {
            copies.put(copy.siteId, copy);
            if (delivered.contains(copy.status) && copy.subIcbOdsCode != null) {
                sites.add(new DemoPlan.Site(
                        copy.siteId,
                        copy.providerId,
                        copy.status,
                        copy.sessions,
                        copy.joints(),
                        copy.subIcbOdsCode,
                        copy.icb));
            }
        }
        List<DemoPlan.Referral> plan =
                DemoPlan.plan(England.today(clock), config.pastQuarters(), sites, practices::practicesIn);
        OffsetDateTime now = OffsetDateTime.now(clock);

        Batch batch = new Batch();
        List<Course> courses = new ArrayList<>();
        List<List<CourseSession>> registers = new ArrayList<>();
        List<List<Measure>> measures = new ArrayList<>();
        for (DemoPlan.Referral r : plan) {
            batch.persist(journey(r, now));
            if (r.course() != null) {
                List<Measure> scores = measures(r.course());
                Course course = course(r, copies.get(r.site().siteId()), now);
                course.baselineAndEnd = scores.stream()
                        .anyMatch(m -> m.timepoint == Timepoint.LAST_SESSION
                                && scores.stream()
                                        .anyMatch(f -> f.timepoint == Timepoint.FIRST_SESSION
                                                && f.instrument == m.instrument));
                courses.add(course);
                registers.add(register(r.course(), now));
                measures.add(scores);
            }
        }
        // Grouped by table, so each table's rows go in multi-row batches.
        courses.forEach(batch::persist);
        registers.forEach(register -> register.forEach(batch::persist));
        measures.forEach(scores -> scores.forEach(batch::persist));
        int events = 0;
        for (int i = 0; i < courses.size(); i++) {
            events += publish(courses.get(i), registers.get(i), measures.get(i), batch);
        }
        batch.flush();
        return new int[] {plan.size(), courses.size(), events};
    }

    private static List<CourseSession> register(DemoPlan.Course plan, OffsetDateTime now) {
        List<CourseSession> register = new ArrayList<>();
        for (DemoPlan.Session s : plan.sessions()) {
            CourseSession session = new CourseSession();
            session.courseId = plan.courseId();
            session.sessionNumber = s.number();
            session.sessionOn = s.on();
            session.attendance = s.attendance();
            session.recordedAt = now;
            register.add(session);
        }
        return register;
    }

    /** Outcome events in the order the referral service would have reported them. */
    private int publish(Course course, List<CourseSession> register, List<Measure> scores, Batch batch) {
        int events = 0;
        boolean started = false;
        for (CourseSession session : register) {
            outcomeEvents.sessionRecorded(course, session);
            events++;
            if (!started && session.sessionOn.equals(course.firstSessionOn)) {
                outcomeEvents.courseStarted(course);
                events++;
                started = true;
                for (Measure m : scores) {
                    if (m.timepoint == Timepoint.FIRST_SESSION) {
                        outcomeEvents.measureRecorded(course, m);
                        events++;
                    }
                }
            }
            batch.counted(1);
        }
        for (Measure m : scores) {
            if (m.timepoint == Timepoint.LAST_SESSION) {
                outcomeEvents.measureRecorded(course, m);
                events++;
            }
        }
        if (course.outcome != null) {
            outcomeEvents.courseEnded(course);
            events++;
        }
        for (Measure m : scores) {
            if (m.timepoint == Timepoint.FOLLOW_UP) {
                outcomeEvents.measureRecorded(course, m);
                events++;
            }
        }
        batch.counted(scores.size());
        return events;
    }

    private ReferralJourney journey(DemoPlan.Referral r, OffsetDateTime now) {
        ReferralJourney journey = new ReferralJourney();
        journey.referralId = r.referralId();
        journey.patientPseudonym = r.pseudonym();
        journey.practiceOdsCode = r.practice();
        journey.icb = practices.icbOf(r.practice()).orElse(null);
        journey.pcnCode = practices.pcnOf(r.practice()).orElse(null);
        journey.commissionerIcb = journey.icb;
        journey.joint = r.joint();
        journey.ageBand = r.ageBand();
        journey.routeNumber = 1;
        journey.siteId = r.site() == null ? null : r.site().siteId();
        journey.providerId = r.site() == null ? null : r.site().providerId();
        journey.classId = r.classId();
        journey.sessions = r.site() == null ? null : r.sessions();
        journey.status = r.status();
        journey.submittedAt = r.submittedAt();
        journey.decidedAt =
                r.offeredAt() != null ? r.offeredAt() : r.submittedAt().plusHours(1);
        journey.firstOfferedAt = r.offeredAt();
        journey.bookedAt = r.bookedAt();
        journey.firstBookedAt = r.bookedAt();
        journey.updatedAt = now;
        return journey;
    }

    private Course course(DemoPlan.Referral r, SiteCopy site, OffsetDateTime now) {
        DemoPlan.Course plan = r.course();
        Course course = new Course();
        course.courseId = plan.courseId();
        course.referralId = r.referralId();
        course.classId = r.classId();
        course.siteId = r.site().siteId();
        course.providerId = r.site().providerId();
        course.setting = site.setting;
        course.practiceOdsCode = r.practice();
        course.icb = practices.icbOf(r.practice()).orElse(null);
        course.pcnCode = practices.pcnOf(r.practice()).orElse(null);
        course.joint = r.joint();
        course.ageBand = r.ageBand();
        course.patientPseudonym = r.pseudonym();
        course.referredOn = r.submittedAt().atZoneSameInstant(England.ZONE).toLocalDate();
        course.sessionsPlanned = plan.sessionsPlanned();
        course.reduced = Course.isReduced(plan.sessionsPlanned());
        if (plan.firstSessionOn() != null) {
            course.start(
                    r.classId(),
                    course.siteId,
                    course.providerId,
                    plan.sessionsPlanned(),
                    course.reduced,
                    plan.firstSessionOn());
        }
        course.counted(plan.held(), plan.attended());
        if (plan.outcome() != null) {
            course.end(
                    plan.outcome(),
                    plan.dropOutReason(),
                    plan.sessionsPlanned(),
                    plan.held(),
                    plan.attended(),
                    course.reduced,
                    plan.endedOn());
        }
        course.updatedAt = now;
        return course;
    }

    private List<Measure> measures(DemoPlan.Course plan) {
        List<Measure> measures = new ArrayList<>();
        Map<uk.nhs.pathways.events.Instrument, BigDecimal> baselines = new HashMap<>();
        for (DemoPlan.Measure m : plan.measures()) {
            if (m.timepoint() == Timepoint.FIRST_SESSION) {
                baselines.put(m.instrument(), m.score());
            }
        }
        for (DemoPlan.Measure m : plan.measures()) {
            Measure measure = new Measure();
            measure.courseId = plan.courseId();
            measure.instrument = m.instrument();
            measure.timepoint = m.timepoint();
            measure.score = m.score();
            measure.takenOn = m.takenOn();
            measure.recordedAt = OffsetDateTime.now(clock);
            measure.analyse(m.timepoint() == Timepoint.FIRST_SESSION ? null : baselines.get(m.instrument()));
            measures.add(measure);
        }
        return measures;
    }

    /** Persists in batches, flushing and clearing the persistence context as it fills. */
    private final class Batch {
        private int pending;

        void persist(Object entity) {
            entityManager.persist(entity);
            counted(1);
        }

        /** Entities persisted elsewhere (the outbox's events). */
        void counted(int entities) {
            pending += entities;
            if (pending >= FLUSH_EVERY) {
                flush();
            }
        }

        void flush() {
            entityManager.flush();
            entityManager.clear();
            pending = 0;
        }
    }
}
