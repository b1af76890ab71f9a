package uk.nhs.pathways.outcomes.activity.service;

import static uk.nhs.pathways.events.ReferralStatus.ACCEPTED;
import static uk.nhs.pathways.events.ReferralStatus.BOOKED;
import static uk.nhs.pathways.events.ReferralStatus.BOOKING_CANCELLED;
import static uk.nhs.pathways.events.ReferralStatus.BOOKING_REQUESTED;
import static uk.nhs.pathways.events.ReferralStatus.COMPLETED;
import static uk.nhs.pathways.events.ReferralStatus.DECLINED;
import static uk.nhs.pathways.events.ReferralStatus.DID_NOT_ATTEND;
import static uk.nhs.pathways.events.ReferralStatus.DROPPED_OUT;
import static uk.nhs.pathways.events.ReferralStatus.IN_PROGRESS;
import static uk.nhs.pathways.events.ReferralStatus.NEEDS_ATTENTION;
import static uk.nhs.pathways.events.ReferralStatus.OFFERED;
import static uk.nhs.pathways.events.ReferralStatus.SUBMITTED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.ReferralStatus;

/** Referrals per site, derived from the journeys on every call (no counters to drift). */
@ApplicationScoped
public class SiteActivityReport {

    @Inject
    EntityManager entityManager;

    /**
     * @param offered          referrals a contract funded and the provider was offered (whatever happened next,
     *                         a course included)
     * @param needsAttention   not funded
     * @param awaitingDecision funding check under way
     */
    public record SiteActivity(
            String siteId,
            String providerId,
            long referrals,
            long offered,
            long needsAttention,
            long awaitingDecision,
            long accepted,
            long declined,
            long booked) {}

    /** Per site; only referrals commissioned by {@code commissionerIcb} when it is given. */
    public List<SiteActivity> perSite(String commissionerIcb) {
        String where = commissionerIcb == null ? "" : "and commissioner_icb = :icb ";
        var query = entityManager.createNativeQuery("""
                select site_id, max(provider_id), count(*),
                       count(*) filter (where status in (%s)),
                       count(*) filter (where status in (%s)),
                       count(*) filter (where status in (%s)),
                       count(*) filter (where status in (%s)),
                       count(*) filter (where status in (%s)),
                       count(*) filter (where status in (%s))
                from referral_journey where site_id is not null %s
                group by site_id order by count(*) desc, site_id""".formatted(
                        in(concat(
                                List.of(OFFERED, ACCEPTED, DECLINED, BOOKING_REQUESTED, BOOKED, BOOKING_CANCELLED),
                                ON_A_COURSE)),
                        in(NEEDS_ATTENTION),
                        in(SUBMITTED),
                        in(concat(List.of(ACCEPTED, BOOKING_REQUESTED, BOOKED, BOOKING_CANCELLED), ON_A_COURSE)),
                        in(DECLINED),
                        in(concat(List.of(BOOKED), ON_A_COURSE)),
                        where));
        if (commissionerIcb != null) {
            query.setParameter("icb", commissionerIcb);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new SiteActivity(
                        (String) r[0],
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(),
                        ((Number) r[5]).longValue(),
                        ((Number) r[6]).longValue(),
                        ((Number) r[7]).longValue(),
                        ((Number) r[8]).longValue()))
                .toList();
    }

    /** Statuses after a booking: the person was offered, accepted and booked on the way. */
    private static final List<ReferralStatus> ON_A_COURSE =
            List.of(IN_PROGRESS, COMPLETED, DROPPED_OUT, DID_NOT_ATTEND);

    private static ReferralStatus[] concat(List<ReferralStatus> first, List<ReferralStatus> then) {
        return java.util.stream.Stream.concat(first.stream(), then.stream()).toArray(ReferralStatus[]::new);
    }

    /** An SQL list of statuses, written from the enum (never typed by hand). */
    private static String in(ReferralStatus... statuses) {
        return Arrays.stream(statuses).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }
}
