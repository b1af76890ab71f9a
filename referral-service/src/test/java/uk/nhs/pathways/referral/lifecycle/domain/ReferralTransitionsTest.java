package uk.nhs.pathways.referral.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;

/**
 * Every (from, to) pair of statuses, against the lifecycle as the README states it: the table allows
 * exactly those moves, and the method that makes each move makes it or refuses it with nothing changed.
 */
class ReferralTransitionsTest {

    static final OffsetDateTime BEFORE = OffsetDateTime.parse("2026-11-23T09:00:00Z");
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-24T10:00:00Z");

    /** Written out here, apart from the table under test: "new" is a referral not yet submitted. */
    static final Set<String> LIFECYCLE = Set.of(
            "new>SUBMITTED",
            "new>NEEDS_ATTENTION",
            "SUBMITTED>OFFERED",
            "SUBMITTED>NEEDS_ATTENTION",
            "OFFERED>ACCEPTED",
            "OFFERED>DECLINED",
            "ACCEPTED>BOOKED");

    static Stream<Arguments> everyMove() {
        List<ReferralStatus> from = new ArrayList<>(Arrays.asList(ReferralStatus.values()));
        from.add(0, null);
        return from.stream().flatMap(f -> Arrays.stream(ReferralStatus.values()).map(t -> Arguments.of(f, t)));
    }

    static boolean inLifecycle(ReferralStatus from, ReferralStatus to) {
        return LIFECYCLE.contains((from == null ? "new" : from.name()) + ">" + to.name());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void theTableAllowsExactlyTheLifecycle(ReferralStatus from, ReferralStatus to) {
        assertThat(Referral.allows(from, to)).isEqualTo(inLifecycle(from, to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void eachMoveIsMadeOnlyWhereTheLifecycleAllowsItAndARefusedOneChangesNothing(
            ReferralStatus from, ReferralStatus to) {
        Referral referral = referralIn(from);
        if (inLifecycle(from, to)) {
            move(referral, to);
            assertThat(referral.status).isEqualTo(to);
            assertThat(referral.updatedAt).isEqualTo(AT);
            assertThat(referral.statusReason).isNotEqualTo("as it was"); // each move says why, or (routed) clears it
        } else {
            assertThatThrownBy(() -> move(referral, to)).isInstanceOfSatisfying(IllegalTransition.class, e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.to()).isEqualTo(to);
                assertThat(e.getMessage()).contains("cannot become " + to);
            });
            assertThat(referral.status).isEqualTo(from);
            assertThat(referral.statusReason).isEqualTo("as it was");
            assertThat(referral.updatedAt).isEqualTo(BEFORE);
            assertThat(referral.classId).isNull();
            assertThat(referral.fundingContractId).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(ReferralStatus.class)
    void onlyASubmittedReferralAwaitsItsFundingDecision(ReferralStatus status) {
        assertThat(referralIn(status).awaitsFunding()).isEqualTo(status == ReferralStatus.SUBMITTED);
    }

    /** The move to each status, by the aggregate's own method for it. */
    static void move(Referral referral, ReferralStatus to) {
        switch (to) {
            case SUBMITTED -> referral.route(site(), 1200, AT);
            case OFFERED -> referral.offer("QWO", "contract-1", 12, AT);
            case NEEDS_ATTENTION -> referral.holdForAttention("no site near enough", AT);
            case ACCEPTED -> referral.accept(AT);
            case DECLINED -> referral.decline("no evening classes", AT);
            case BOOKED -> referral.book(aClass(12), AT);
        }
    }

    static Referral referralIn(ReferralStatus status) {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.joint = Joint.KNEE;
        r.status = status;
        r.statusReason = "as it was";
        r.updatedAt = BEFORE;
        if (status != null) {
            r.siteId = "site-1";
            r.providerId = "prov-1";
            r.providerName = "Provider One";
            r.sessions = 12;
        }
        return r;
    }

    static DirectorySite site() {
        DirectorySite s = new DirectorySite();
        s.siteId = "site-1";
        s.name = "Site One";
        s.providerId = "prov-1";
        s.providerName = "Provider One";
        s.programmes = "KNEE,HIP";
        s.sessions = 12;
        s.status = SiteStatus.ACTIVE;
        return s;
    }

    static DirectoryClass aClass(int sessions) {
        DirectoryClass c = new DirectoryClass();
        c.classId = "class-" + sessions;
        c.siteId = "site-1";
        c.providerId = "prov-1";
        c.programmes = "KNEE,HIP";
        c.startDate = LocalDate.of(2026, 12, 1);
        c.sessions = sessions;
        c.capacity = 10;
        c.placesTaken = 3;
        c.status = ClassStatus.SCHEDULED;
        return c;
    }
}
