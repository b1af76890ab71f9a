package uk.nhs.pathways.referral.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.DeclineReason;
import uk.nhs.pathways.events.DropOutReason;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.PlaceRefusal;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.RerouteCause;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.routing.domain.RankedClass;

/**
 * Every (from, to) pair of statuses, against the lifecycle as the README states it: the table allows
 * exactly those moves, and the method that makes each move makes it or refuses it with nothing changed.
 */
class ReferralTransitionsTest {

    static final OffsetDateTime BEFORE = OffsetDateTime.parse("2026-11-23T09:00:00Z");
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-24T10:00:00Z");

    /** Written out here, apart from the table under test: "new" is a referral not yet submitted. */
    static final Set<String> LIFECYCLE = Set.of(
            "new>SUBMITTED", // routed to the best class
            "new>NEEDS_ATTENTION", // nothing fits
            "SUBMITTED>OFFERED", // funded
            "SUBMITTED>NEEDS_ATTENTION", // not funded
            "SUBMITTED>WITHDRAWN",
            "OFFERED>ACCEPTED",
            "OFFERED>DECLINED",
            "OFFERED>SUBMITTED", // no answer in time: the next class
            "OFFERED>NEEDS_ATTENTION", // no answer, nothing left
            "OFFERED>WITHDRAWN",
            "DECLINED>SUBMITTED", // the next class
            "DECLINED>NEEDS_ATTENTION", // nothing left
            "DECLINED>WITHDRAWN",
            "NEEDS_ATTENTION>SUBMITTED", // the FCP routes it again
            "NEEDS_ATTENTION>OFFERED", // held as not funded: a new contract funds its route
            "NEEDS_ATTENTION>WITHDRAWN",
            "ACCEPTED>BOOKING_REQUESTED",
            "ACCEPTED>WITHDRAWN",
            "BOOKING_REQUESTED>BOOKED", // place reserved
            "BOOKING_REQUESTED>ACCEPTED", // place refused: choose again
            "BOOKING_REQUESTED>SUBMITTED", // no room at the provider at all: the next class
            "BOOKING_REQUESTED>NEEDS_ATTENTION", // ... and nothing left
            "BOOKING_REQUESTED>WITHDRAWN",
            "BOOKED>BOOKING_CANCELLED",
            "BOOKED>WITHDRAWN",
            "BOOKED>IN_PROGRESS", // a first session attended
            "BOOKED>DROPPED_OUT", // said so before starting
            "BOOKED>DID_NOT_ATTEND", // never came: every session recorded, or absent in a row
            "IN_PROGRESS>COMPLETED", // enough sessions attended
            "IN_PROGRESS>DROPPED_OUT", // stopped, absent in a row, or too few sessions attended
            "BOOKING_CANCELLED>BOOKING_REQUESTED", // booked again into a later class
            "BOOKING_CANCELLED>WITHDRAWN");

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
            assertThat(referral.routeNumber).isEqualTo(1);
            assertThat(referral.takeMoves()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void eachMoveMadeIsRecordedOnceForTheServiceToAnnounce(ReferralStatus from, ReferralStatus to) {
        if (!inLifecycle(from, to)) {
            return;
        }
        Referral referral = referralIn(from);
        move(referral, to);
        assertThat(referral.takeMoves()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo(from);
            assertThat(t.to()).isEqualTo(to);
            assertThat(t.at()).isEqualTo(AT);
        });
        assertThat(referral.takeMoves()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReferralStatus.class)
    void onlyASubmittedReferralAwaitsTheFirstFundingDecisionOfItsCurrentRoute(ReferralStatus status) {
        Referral referral = referralIn(status);
        referral.routeNumber = 2;
        assertThat(referral.awaitsFunding(2, 1)).isEqualTo(status == ReferralStatus.SUBMITTED);
        assertThat(referral.awaitsFunding(1, 1)).isFalse();
        assertThat(referral.awaitsFunding(3, 1)).isFalse();
    }

    @Test
    void theFinalStatusesAreWithdrawnAndTheCourseOutcomes() {
        assertThat(Referral.CLOSED)
                .containsExactlyInAnyOrder(
                        ReferralStatus.WITHDRAWN,
                        ReferralStatus.COMPLETED,
                        ReferralStatus.DROPPED_OUT,
                        ReferralStatus.DID_NOT_ATTEND);
    }

    @Test
    void aReferralHeldAsNotFundedAwaitsOnlyALaterRevisionOfItsCurrentRoute() {
        Referral referral = referralIn(ReferralStatus.SUBMITTED);
        referral.refuseFunding("QHM", List.of("contacts per episode 4 < 12 sessions"), 1, AT);
        assertThat(referral.status).isEqualTo(ReferralStatus.NEEDS_ATTENTION);
        assertThat(referral.statusReasonCode).isEqualTo(Referral.NOT_FUNDED);

        assertThat(referral.awaitsFunding(1, 1)).as("the same revision again").isFalse();
        assertThat(referral.awaitsFunding(2, 2)).as("another route's").isFalse();
        assertThat(referral.awaitsFunding(1, 2)).isTrue();

        referral.offer("QHM", "aqp-12", 12, 2, LocalDate.of(2026, 12, 1), AT);
        assertThat(referral.status).isEqualTo(ReferralStatus.OFFERED);
        assertThat(referral.fundingContractId).isEqualTo("aqp-12");
        assertThat(referral.statusReason).contains("aqp-12").contains("re-decided");
        assertThat(referral.awaitsFunding(1, 3))
                .as("offered: no longer waiting")
                .isFalse();
    }

    @Test
    void aLaterNotFundedRevisionOnlyBringsTheReasonsUpToDate() {
        Referral referral = referralIn(ReferralStatus.SUBMITTED);
        referral.refuseFunding("QHM", List.of("first reason"), 1, AT);
        referral.takeMoves();

        referral.refuseFunding("QHM", List.of("second reason"), 2, AT);

        assertThat(referral.takeMoves()).isEmpty();
        assertThat(referral.status).isEqualTo(ReferralStatus.NEEDS_ATTENTION);
        assertThat(referral.statusReason).contains("second reason");
        assertThat(referral.fundingRevision).isEqualTo(2);
    }

    @Test
    void aReferralHeldForAnotherReasonIsNotLiftedByAFundingDecision() {
        Referral referral = referralIn(ReferralStatus.NEEDS_ATTENTION);
        referral.statusReasonCode = "NO_CLASS_IN_RANGE";
        assertThat(referral.awaitsFunding(1, 2)).isFalse();
        assertThatThrownBy(() -> referral.offer("QHM", "aqp-12", 12, 2, LocalDate.of(2026, 12, 1), AT))
                .isInstanceOf(IllegalTransition.class);
        assertThat(referral.status).isEqualTo(ReferralStatus.NEEDS_ATTENTION);
    }

    @Test
    void aRerouteStartsTheFundingRevisionsAgain() {
        Referral referral = referralIn(ReferralStatus.SUBMITTED);
        referral.refuseFunding("QHM", List.of("no contract"), 3, AT);
        referral.rerouteByReferrer(ranked("class-2"), AT);
        assertThat(referral.routeNumber).isEqualTo(2);
        assertThat(referral.awaitsFunding(2, 1)).isTrue();
    }

    /** The move to each status, by the aggregate's own method for that move from where it stands. */
    static void move(Referral referral, ReferralStatus to) {
        ReferralStatus from = referral.status;
        switch (to) {
            case SUBMITTED -> {
                if (from == null) {
                    referral.route(ranked("class-1"), AT);
                } else if (from == ReferralStatus.NEEDS_ATTENTION) {
                    referral.rerouteByReferrer(ranked("class-2"), AT);
                } else {
                    referral.reroute(
                            ranked("class-2"),
                            from == ReferralStatus.DECLINED
                                    ? RerouteCause.DECLINED
                                    : from == ReferralStatus.BOOKING_REQUESTED
                                            ? RerouteCause.PLACE_REFUSED
                                            : RerouteCause.NO_ANSWER,
                            AT);
                }
            }
            case OFFERED -> {
                if (from == ReferralStatus.NEEDS_ATTENTION) {
                    referral.statusReasonCode = Referral.NOT_FUNDED;
                }
                referral.offer("QWO", "contract-1", 12, 1, LocalDate.of(2026, 12, 1), AT);
            }
            case NEEDS_ATTENTION -> referral.holdForAttention("NO_CLASS_IN_RANGE", "no class near enough", AT);
            case ACCEPTED -> {
                if (from == ReferralStatus.BOOKING_REQUESTED) {
                    referral.refusePlace(refused(PlaceRefusal.TOO_MANY_SESSIONS), AT);
                } else {
                    referral.accept(AT);
                }
            }
            case DECLINED -> referral.decline(DeclineReason.NO_CAPACITY, null, AT);
            case BOOKING_REQUESTED -> referral.requestBooking(aClass(12), List.of(), AT);
            case BOOKED -> referral.book("class-12", "site-1", "Site One", 12, LocalDate.of(2026, 12, 1), AT);
            case BOOKING_CANCELLED -> referral.cancelBooking(BookingCancellation.PERSON_REQUESTED, null, AT);
            case WITHDRAWN -> referral.withdraw(null, AT);
            case IN_PROGRESS -> referral.startCourse(AT);
            case COMPLETED -> referral.completeCourse(10, 12, AT);
            case DROPPED_OUT -> {
                if (from == ReferralStatus.IN_PROGRESS) {
                    referral.finishBelowCompletion(5, 12, 9, AT);
                } else {
                    referral.dropOut(DropOutReason.PERSON_CHOSE_TO_STOP, null, AT);
                }
            }
            case DID_NOT_ATTEND -> referral.didNotAttend("NEVER_ATTENDED", "Did not attend", AT);
        }
    }

    static PlaceRefused refused(PlaceRefusal reason) {
        return new PlaceRefused("r", 1, List.of(new PlaceRefused.ClassRefusal("class-12", reason)), AT.toInstant());
    }

    static RankedClass ranked(String classId) {
        return new RankedClass(
                1,
                classId,
                "site-1",
                "Site One",
                "prov-1",
                "Provider One",
                LocalDate.of(2026, 12, 1),
                List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                LocalTime.of(10, 0),
                12,
                1200,
                true,
                List.of());
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
            r.routedClassId = "class-1";
        }
        return r;
    }

    static DirectoryClass aClass(int sessions) {
        DirectoryClass c = new DirectoryClass();
        c.classId = "class-" + sessions;
        c.siteId = "site-1";
        c.providerId = "prov-1";
        c.programmes = "KNEE,HIP";
        c.startDate = LocalDate.of(2026, 12, 1);
        c.startTime = LocalTime.of(10, 0);
        c.days = "TUESDAY,THURSDAY";
        c.sessions = sessions;
        c.capacity = 10;
        c.placesTaken = 3;
        c.status = ClassStatus.SCHEDULED;
        return c;
    }
}
