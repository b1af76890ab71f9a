package uk.nhs.pathways.contract.funding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Something delivered that a contract may pay for: a course started, completed, or a responder at the
 * follow-up measure. One of each kind per referral, stamped with the contract version that funded it.
 */
@Entity
@Table(name = "episode_activity")
@IdClass(EpisodeActivity.Key.class)
public class EpisodeActivity extends PanacheEntityBase {

    public enum Kind {
        STARTED,
        COMPLETED,
        RESPONDER
    }

    public static class Key implements Serializable {
        public String referralId;
        public Kind kind;

        public Key() {}

        public Key(String referralId, Kind kind) {
            this.referralId = referralId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.kind == kind && Objects.equals(k.referralId, referralId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(referralId, kind);
        }
    }

    @Id
    @Column(name = "referral_id")
    public String referralId;

    @Id
    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "course_id")
    public String courseId;

    /** The day it happened (England): the statement month it belongs to. */
    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    /** The contract that funded the episode; null when none did (then nothing is payable). */
    @Column(name = "contract_id")
    public String contractId;

    @Column(name = "contract_version")
    public Integer contractVersion;

    @Column(name = "route_number")
    public Integer routeNumber;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** The activity of a referral whose current decision is this one (funded or not). */
    public static EpisodeActivity of(
            FundingDecision decision, Kind kind, String courseId, LocalDate on, OffsetDateTime at) {
        EpisodeActivity activity = new EpisodeActivity();
        activity.referralId = decision.referralId;
        activity.kind = kind;
        activity.courseId = courseId;
        activity.occurredOn = on;
        activity.contractId = decision.funded ? decision.contractId : null;
        activity.contractVersion = decision.funded ? decision.contractVersion : null;
        activity.routeNumber = decision.routeNumber;
        activity.providerId = decision.providerId;
        activity.siteId = decision.siteId;
        activity.recordedAt = at;
        return activity;
    }
}
