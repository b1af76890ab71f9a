package uk.nhs.pathways.contract.funding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * How far a referral got, as far as its funding cares, from the lifecycle events on the referrals topic: its
 * current route, and whether that route's provider has offered it, started it, or the referral ended.
 */
@Entity
@Table(name = "referral_episode")
public class ReferralEpisode extends PanacheEntityBase {

    public enum Stage {
        /**
         * Decided, and not offered yet: the referral service is about to offer it (funded) or it waits in
         * needs-attention (not funded). A contract change re-checks it.
         */
        DECIDED,
        /** Offered to the provider (then accepted, booked...): keeps the funding it was given. */
        OFFERED,
        /** The course started. */
        STARTED,
        /** The course ended. */
        ENDED,
        /** Declined by the provider (until re-routed) or withdrawn. */
        CLOSED
    }

    @Id
    @Column(name = "referral_id")
    public String referralId;

    @Column(name = "commissioner_icb")
    public String commissionerIcb;

    @Column(name = "current_route")
    public int currentRoute;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static ReferralEpisode first(String referralId, String commissionerIcb, int route, OffsetDateTime at) {
        ReferralEpisode episode = new ReferralEpisode();
        episode.referralId = referralId;
        episode.commissionerIcb = commissionerIcb;
        episode.currentRoute = route;
        episode.stage = Stage.DECIDED;
        episode.updatedAt = at;
        return episode;
    }

    /** A proposal of this route was decided already. */
    public boolean decided(int route) {
        return route == currentRoute;
    }

    /** A proposal of an earlier route than the current one: the referral has moved on. */
    public boolean isStale(int route) {
        return route < currentRoute;
    }

    /** Re-routed to another class: decided again, and not offered yet. */
    public void reroute(int route, OffsetDateTime at) {
        currentRoute = route;
        stage = Stage.DECIDED;
        updatedAt = at;
    }

    /** Whether a contract change may still change its funding: decided, not offered yet. */
    public boolean awaitingOffer() {
        return stage == Stage.DECIDED;
    }

    /** The provider has it (offered, accepted, booking...): from now on it keeps its funding. */
    public void offered(OffsetDateTime at) {
        if (stage == Stage.DECIDED) {
            move(Stage.OFFERED, at);
        }
    }

    public void closed(OffsetDateTime at) {
        if (stage != Stage.ENDED) {
            move(Stage.CLOSED, at);
        }
    }

    public void started(OffsetDateTime at) {
        move(Stage.STARTED, at);
    }

    public void ended(OffsetDateTime at) {
        move(Stage.ENDED, at);
    }

    private void move(Stage to, OffsetDateTime at) {
        stage = to;
        updatedAt = at;
    }
}
