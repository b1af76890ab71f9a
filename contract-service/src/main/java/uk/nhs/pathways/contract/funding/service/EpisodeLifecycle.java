package uk.nhs.pathways.contract.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import uk.nhs.pathways.contract.funding.domain.EpisodeActivity;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.contract.funding.domain.ReferralEpisode;
import uk.nhs.pathways.events.CourseEnded;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.CourseStarted;
import uk.nhs.pathways.events.OutcomeMeasureRecorded;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.platform.time.England;

/**
 * What the referral's lifecycle means to its funding. Offered (or accepted, booked): it keeps its funding.
 * Declined or withdrawn: its reservation is released. Course started: the reservation is used, and the start
 * recorded for payment. Course ended: a completion recorded; never attended, or dropped out before a first session: released. A responder at
 * follow-up: recorded for payment. A cancelled booking changes nothing: the person may be booked again, and
 * the referral is withdrawn or re-routed if not. Events about referrals this service never decided are
 * passed over.
 */
@ApplicationScoped
public class EpisodeLifecycle {

    @Inject
    EntityManager entityManager;

    @Inject
    Caps caps;

    @Inject
    BatchEpisodes episodes;

    @Inject
    Clock clock;

    /** Offered to the provider, accepted, booking requested, booked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void offered(String referralId) {
        episode(referralId).ifPresent(e -> e.offered(OffsetDateTime.now(clock)));
    }

    /** Declined by the provider, or withdrawn by the referrer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(String referralId) {
        episode(referralId).ifPresent(e -> {
            current(e).ifPresent(caps::release);
            e.closed(OffsetDateTime.now(clock));
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void started(CourseStarted started) {
        episode(started.referralId()).ifPresent(e -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            current(e).ifPresent(decision -> {
                caps.use(decision);
                record(decision, EpisodeActivity.Kind.STARTED, started.courseId(), started.firstSessionOn(), now);
            });
            e.started(now);
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(CourseEnded ended) {
        episode(ended.referralId()).ifPresent(e -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            current(e).ifPresent(decision -> {
                if (ended.outcome() == CourseOutcome.COMPLETED) {
                    record(decision, EpisodeActivity.Kind.COMPLETED, ended.courseId(), ended.endedOn(), now);
                } else if (endedWithoutStarting(ended)) {
                    caps.release(decision);
                }
            });
            e.ended(now);
        });
    }

    /** Never came, or said they would not start before a first session: the reservation was never used. */
    static boolean endedWithoutStarting(CourseEnded ended) {
        return ended.outcome() == CourseOutcome.DID_NOT_ATTEND
                || (ended.outcome() == CourseOutcome.DROPPED_OUT && ended.sessionsAttended() == 0);
    }

    /** A measure at follow-up whose change reaches the instrument's MCID: the episode has a responder. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void measured(OutcomeMeasureRecorded measure) {
        if (measure.timepoint() != Timepoint.FOLLOW_UP
                || !Boolean.TRUE.equals(measure.responder())
                || measure.episode() == null
                || measure.episode().referralId() == null) {
            return;
        }
        ReferralEpisode episode =
                entityManager.find(ReferralEpisode.class, measure.episode().referralId());
        if (episode != null) {
            current(episode)
                    .ifPresent(decision -> record(
                            decision,
                            EpisodeActivity.Kind.RESPONDER,
                            measure.episode().episodeId(),
                            measure.takenOn(),
                            OffsetDateTime.now(clock)));
        }
    }

    private Optional<ReferralEpisode> episode(String referralId) {
        return Optional.ofNullable(episodes.locked(referralId));
    }

    private Optional<FundingDecision> current(ReferralEpisode episode) {
        return FundingDecision.of(episode.referralId, episode.currentRoute);
    }

    /** Once per referral and kind: a second course (a re-booking) is not paid twice. */
    private void record(
            FundingDecision decision, EpisodeActivity.Kind kind, String courseId, LocalDate on, OffsetDateTime at) {
        if (on == null) {
            on = at.atZoneSameInstant(England.ZONE).toLocalDate();
        }
        if (entityManager.find(EpisodeActivity.class, new EpisodeActivity.Key(decision.referralId, kind)) == null) {
            entityManager.persist(EpisodeActivity.of(decision, kind, courseId, on, at));
        }
    }
}
