package uk.nhs.pathways.referral.lifecycle.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.nhs.pathways.events.ReferralStatus;

/**
 * One status change of a referral, written in the transaction of the change. Rows are only ever inserted
 * (a database trigger refuses the rest): the closed loop the referrer and provider read.
 */
@Entity
@Table(name = "referral_timeline")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ReferralStatus to;

    @Column(name = "reason_code")
    public String reasonCode;

    /** In the platform's words. */
    public String reason;

    /** The referrer's or provider's own words, if they gave any: shown to both, never sent in an event. */
    public String note;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "actor_organisation")
    public String actorOrganisation;

    /** The provider the referral was with after the change. */
    @Column(name = "provider_id")
    public String providerId;

    /** The class proposed (SUBMITTED), asked for (BOOKING_REQUESTED), booked (BOOKED), or of the course. */
    @Column(name = "class_id")
    public String classId;

    @Column(name = "route_number")
    public int routeNumber;
}
