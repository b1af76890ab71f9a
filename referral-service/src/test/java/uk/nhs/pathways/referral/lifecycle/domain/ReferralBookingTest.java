package uk.nhs.pathways.referral.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitionsTest.AT;
import static uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitionsTest.BEFORE;
import static uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitionsTest.aClass;
import static uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitionsTest.referralIn;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.DeclineReason;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.PlaceRefusal;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.platform.problem.Problem;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;

/** What a booking request may ask for, and what the directory's answers do: the rules on {@link Referral}. */
class ReferralBookingTest {

    /** Accepted, funded by a contract that pays for this many contacts per episode (null: not stated). */
    static Referral accepted(Integer contactsFunded) {
        Referral referral = referralIn(ReferralStatus.ACCEPTED);
        referral.fundingContractId = "contract-1";
        referral.contactsFunded = contactsFunded;
        return referral;
    }

    @Test
    void aPlaceIsRequestedInTheChosenClassFirstThenTheFallbacks() {
        Referral referral = accepted(12);
        referral.requestBooking(aClass(12), List.of("class-b", "class-12", "class-c"), AT);
        assertThat(referral.status).isEqualTo(ReferralStatus.BOOKING_REQUESTED);
        assertThat(referral.bookingRequestNumber).isEqualTo(1);
        assertThat(referral.requestedClassId).isEqualTo("class-12");
        assertThat(referral.takeMoves())
                .singleElement()
                .satisfies(t -> assertThat(t.classIds()).containsExactly("class-12", "class-b", "class-c"));
        assertThat(referral.awaitsPlace(1)).isTrue();
        assertThat(referral.awaitsPlace(0)).isFalse();

        referral.book("class-b", "site-2", "Site Two", 12, LocalDate.of(2026, 12, 3), AT);
        assertThat(referral.status).isEqualTo(ReferralStatus.BOOKED);
        assertThat(referral.classId).isEqualTo("class-b");
        assertThat(referral.siteId).isEqualTo("site-2");
        assertThat(referral.bookedAt).isEqualTo(AT);
        assertThat(referral.awaitsPlace(1)).as("a repeated answer").isFalse();
    }

    @Test
    void aClassWithMoreSessionsThanTheContractPaysForIsRefusedNamingTheClassAndBothNumbers() {
        Referral referral = accepted(8);
        assertThatThrownBy(() -> referral.requestBooking(aClass(12), List.of(), AT))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage())
                            .contains("class-12")
                            .contains("12 sessions")
                            .contains("at most 8 contacts");
                    assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("classId");
                });
        assertUnchanged(referral);
        referral.requestBooking(aClass(8), List.of(), AT);
        assertThat(referral.status).isEqualTo(ReferralStatus.BOOKING_REQUESTED);
    }

    @Test
    void withoutAStatedCapTheCourseLengthTheContractWasCheckedAgainstIsTheLimit() {
        Referral sameLength = accepted(null); // funded before decisions stated their cap; sessions 12
        sameLength.requestBooking(aClass(12), List.of(), AT);
        assertThat(sameLength.status).isEqualTo(ReferralStatus.BOOKING_REQUESTED);

        Referral longer = accepted(null);
        assertThatThrownBy(() -> longer.requestBooking(aClass(14), List.of(), AT))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertUnchanged(longer);
    }

    @Test
    void anotherProvidersClassAClassNotOpenAndAClassForTheOtherJointAreBadRequestsNamingTheClass() {
        DirectoryClass another = aClass(12);
        another.providerId = "prov-2";
        DirectoryClass cancelled = aClass(12);
        cancelled.status = ClassStatus.CANCELLED;
        DirectoryClass hipOnly = aClass(12);
        hipOnly.programmes = Joint.HIP.name();
        for (DirectoryClass cohort : new DirectoryClass[] {another, cancelled, hipOnly}) {
            Referral referral = accepted(12);
            assertThatThrownBy(() -> referral.requestBooking(cohort, List.of(), AT))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("classId");
                    });
            assertUnchanged(referral);
        }
    }

    @Test
    void aFullClassIsAConflictNamingTheClass() {
        DirectoryClass full = aClass(12);
        full.placesTaken = full.capacity;
        Referral referral = accepted(12);
        assertThatThrownBy(() -> referral.requestBooking(full, List.of(), AT))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("class class-12 is full");
                    assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("classId");
                });
        assertUnchanged(referral);
    }

    @Test
    void aRefusalGoesBackToAcceptedWithTheCodesAndSaysWhetherTheProviderHasNoRoomAtAll() {
        Referral referral = accepted(12);
        referral.requestBooking(aClass(12), List.of(), AT);
        PlaceRefused refused = new PlaceRefused(
                referral.id.toString(),
                1,
                List.of(
                        new PlaceRefused.ClassRefusal("class-12", PlaceRefusal.TOO_MANY_SESSIONS),
                        new PlaceRefused.ClassRefusal("class-b", PlaceRefusal.FULL)),
                AT.toInstant());
        assertThat(Referral.noRoomAtAll(refused)).isFalse();
        referral.refusePlace(refused, AT);
        assertThat(referral.status).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.statusReasonCode).isEqualTo("PLACE_REFUSED:FULL,TOO_MANY_SESSIONS");
        assertThat(referral.statusReason).isEqualTo("No place given: class-12 TOO_MANY_SESSIONS, class-b FULL");

        assertThat(Referral.noRoomAtAll(new PlaceRefused(
                        "r",
                        2,
                        List.of(
                                new PlaceRefused.ClassRefusal("a", PlaceRefusal.FULL),
                                new PlaceRefused.ClassRefusal("b", PlaceRefusal.NOT_OPEN)),
                        AT.toInstant())))
                .isTrue();
    }

    @Test
    void declineNeedsACodeAndOtherNeedsWordsWhichStayOutOfTheReason() {
        Referral referral = referralIn(ReferralStatus.OFFERED);
        assertThatThrownBy(() -> referral.decline(null, "x", AT)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("reasonCode");
        });
        assertThatThrownBy(() -> referral.decline(DeclineReason.OTHER, " ", AT))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("reason"));
        assertThat(referral.status).isEqualTo(ReferralStatus.OFFERED);

        referral.decline(DeclineReason.OTHER, "Mr X moved to Spain", AT);
        assertThat(referral.statusReason).doesNotContain("Spain");
        assertThat(referral.statusReasonCode).isEqualTo("OTHER");
        assertThat(referral.takeMoves()).singleElement().satisfies(t -> {
            assertThat(t.note()).isEqualTo("Mr X moved to Spain");
            assertThat(t.reason()).doesNotContain("Spain");
        });
    }

    static void assertUnchanged(Referral referral) {
        assertThat(referral.status).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.classId).isNull();
        assertThat(referral.bookingRequestNumber).isZero();
        assertThat(referral.updatedAt).isEqualTo(BEFORE);
        assertThat(referral.takeMoves()).isEmpty();
    }
}
