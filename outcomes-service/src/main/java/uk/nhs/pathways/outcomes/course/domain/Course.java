package uk.nhs.pathways.outcomes.course.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.DropOutReason;
import uk.nhs.pathways.events.EpisodeContext;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.Setting;

/**
 * One person's course: one booking into one class (a re-booking is a new course). An "episode" in the
 * outcome events for ICSs. Pseudonymous: the context copied in when the course is first seen names a
 * practice, an age band and a pseudonym, never a person.
 */
@Entity
@Table(name = "course")
public class Course extends PanacheEntityBase {

    /** The standard ESCAPE-pain course: 12 sessions over 6 weeks. Fewer is a reduced variant. */
    public static final int STANDARD_SESSIONS = 12;

    @Id
    @Column(name = "course_id")
    public String courseId;

    @Column(name = "referral_id")
    public String referralId;

    @Column(name = "class_id")
    public String classId;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "provider_id")
    public String providerId;

    @Enumerated(EnumType.STRING)
    public Setting setting;

    /** ICB of the person's GP practice: the only ICS that sees this course. */
    public String icb;

    @Column(name = "practice_ods_code")
    public String practiceOdsCode;

    @Column(name = "pcn_code")
    public String pcnCode;

    @Enumerated(EnumType.STRING)
    public Joint joint;

    @Column(name = "age_band")
    public String ageBand;

    @Column(name = "patient_pseudonym")
    public String patientPseudonym;

    /** The English date the referral was made. */
    @Column(name = "referred_on")
    public LocalDate referredOn;

    @Column(name = "sessions_planned")
    public Integer sessionsPlanned;

    /** Fewer sessions than the standard course: reported as such, never as standard. */
    public boolean reduced;

    /** Null until the person attends a session. */
    @Column(name = "first_session_on")
    public LocalDate firstSessionOn;

    @Enumerated(EnumType.STRING)
    public CourseOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "drop_out_reason")
    public DropOutReason dropOutReason;

    /** Sessions held so far (a cancelled session is not held); at the end, as the provider's register says. */
    @Column(name = "sessions_held")
    public int sessionsHeld;

    @Column(name = "sessions_attended")
    public int sessionsAttended;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    /** Has a first-session and a last-session score on the same instrument. */
    @Column(name = "baseline_and_end")
    public boolean baselineAndEnd;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Whether a course of this many sessions is a reduced variant. */
    public static boolean isReduced(Integer sessions) {
        return sessions != null && sessions < STANDARD_SESSIONS;
    }

    /**
     * The first session attended.
     *
     * @return whether this changed the course (a repeat of what is known changes nothing)
     */
    public boolean start(
            String classId, String siteId, String providerId, int sessionsPlanned, boolean reduced, LocalDate on) {
        boolean changed = !on.equals(firstSessionOn)
                || !Objects.equals(this.sessionsPlanned, sessionsPlanned)
                || this.reduced != (reduced || isReduced(sessionsPlanned))
                || !Objects.equals(this.siteId, siteId);
        this.classId = classId;
        this.siteId = siteId;
        this.providerId = providerId;
        this.sessionsPlanned = sessionsPlanned;
        this.reduced = reduced || isReduced(sessionsPlanned);
        this.firstSessionOn = on;
        return changed;
    }

    /**
     * How the course ended. Counts are the provider's register's (sessions held exclude cancelled ones).
     *
     * @return whether this changed the course
     */
    public boolean end(
            CourseOutcome outcome,
            DropOutReason reason,
            int sessionsPlanned,
            int sessionsHeld,
            int sessionsAttended,
            boolean reduced,
            LocalDate on) {
        DropOutReason why = outcome == CourseOutcome.DROPPED_OUT ? reason : null;
        boolean isReduced = reduced || isReduced(sessionsPlanned);
        boolean changed = this.outcome != outcome
                || this.dropOutReason != why
                || !Objects.equals(this.sessionsPlanned, sessionsPlanned)
                || this.sessionsHeld != sessionsHeld
                || this.sessionsAttended != sessionsAttended
                || this.reduced != isReduced
                || !on.equals(endedOn);
        this.outcome = outcome;
        this.dropOutReason = why;
        this.sessionsPlanned = sessionsPlanned;
        this.sessionsHeld = sessionsHeld;
        this.sessionsAttended = sessionsAttended;
        this.reduced = isReduced;
        this.endedOn = on;
        return changed;
    }

    /** Keeps the running counts while the course is under way (the end states the final ones). */
    public void counted(int held, int attended) {
        if (outcome == null) {
            sessionsHeld = held;
            sessionsAttended = attended;
        }
    }

    /** Who and where, pseudonymously, for the ICS of the person's practice. */
    public EpisodeContext context() {
        return new EpisodeContext(
                courseId,
                referralId,
                patientPseudonym,
                ageBand,
                joint,
                practiceOdsCode,
                pcnCode,
                providerId,
                siteId,
                setting,
                icb);
    }
}
